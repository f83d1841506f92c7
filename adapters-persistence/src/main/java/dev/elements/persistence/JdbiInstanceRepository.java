package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementKey;
import dev.elements.core.instance.CredentialState;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.InstanceStatus;
import dev.elements.core.port.out.InstanceQuery;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.instance.Sealed;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Instances in the {@code instances} table, with their tags and non-secret configuration in two
 * child tables that keep the order. Every write is one transaction; an update is conditional on
 * the version, so a writer holding a stale copy changes nothing.
 */
public final class JdbiInstanceRepository implements InstanceRepository {
    private static final String SELECT_INSTANCES = """
            SELECT id, organization_id, owner_user_id, element_key, name, provider_account_id, token_digest,
                   disabled, status, status_reason, last_renewed_at, token_expires_at, next_renewal_at,
                   consecutive_failures, secrets_key_id, secrets_ciphertext, created_at, updated_at, version
              FROM instances""";

    /** Tags and configuration are filled in afterwards, from their own tables. */
    private static final RowMapper<Instance> INSTANCE_ROW = (row, context) -> new Instance(
            new InstanceId(row.getLong("id")),
            new OrganizationId(row.getLong("organization_id")),
            new UserId(row.getLong("owner_user_id")),
            ElementKey.of(row.getString("element_key")),
            row.getString("name"),
            List.of(),
            Map.of(),
            new Sealed(row.getString("secrets_key_id"), row.getBytes("secrets_ciphertext")),
            row.getString("provider_account_id"),
            new SecretDigest(row.getString("token_digest")),
            row.getBoolean("disabled"),
            new CredentialState(
                    InstanceStatus.valueOf(row.getString("status")),
                    row.getString("status_reason"),
                    EpochMillis.read(row, "last_renewed_at"),
                    EpochMillis.read(row, "token_expires_at"),
                    EpochMillis.read(row, "next_renewal_at"),
                    row.getInt("consecutive_failures")),
            EpochMillis.read(row, "created_at"),
            EpochMillis.read(row, "updated_at"),
            row.getLong("version"));

    private final Jdbi jdbi;

    public JdbiInstanceRepository(Jdbi jdbi) {
        this.jdbi = requireNonNull(jdbi, "jdbi");
    }

    @Override
    public InstanceId nextId() {
        return jdbi.withHandle(handle -> new InstanceId(
                handle.createQuery("SELECT nextval('instance_ids')").mapTo(Long.class).one()));
    }

    @Override
    public void insert(Instance instance) {
        requireNonNull(instance, "instance");
        try {
            insertInTransaction(instance);
        } catch (JdbiException e) {
            throw RedactedFailures.redacted("Storing instance " + instance.id(), e);
        }
    }

    private void insertInTransaction(Instance instance) {
        jdbi.useTransaction(handle -> {
            bindColumns(handle.createUpdate("""
                    INSERT INTO instances (id, organization_id, owner_user_id, element_key, name, provider_account_id,
                                           token_digest, disabled, status, status_reason, last_renewed_at,
                                           token_expires_at, next_renewal_at, consecutive_failures, secrets_key_id,
                                           secrets_ciphertext, created_at, updated_at, version)
                    VALUES (:id, :organizationId, :ownerUserId, :elementKey, :name, :providerAccountId,
                            :tokenDigest, :disabled, :status, :statusReason, :lastRenewedAt,
                            :tokenExpiresAt, :nextRenewalAt, :consecutiveFailures, :secretsKeyId,
                            :secretsCiphertext, :createdAt, :updatedAt, :version)"""), instance)
                    .execute();
            insertTagsAndConfiguration(handle, instance);
        });
    }

    @Override
    public Optional<Instance> find(OrganizationId organization, InstanceId id) {
        requireNonNull(organization, "organization");
        requireNonNull(id, "id");
        return findOne(" WHERE id = :id AND organization_id = :organizationId",
                query -> query.bind("id", id.value()).bind("organizationId", organization.value()));
    }

    @Override
    public Optional<Instance> findById(InstanceId id) {
        requireNonNull(id, "id");
        return findOne(" WHERE id = :id", query -> query.bind("id", id.value()));
    }

    @Override
    public Optional<Instance> findByTokenDigest(SecretDigest tokenDigest) {
        requireNonNull(tokenDigest, "tokenDigest");
        return findOne(" WHERE token_digest = :tokenDigest", query -> query.bind("tokenDigest", tokenDigest.hex()));
    }

    @Override
    public List<Instance> list(OrganizationId organization, InstanceQuery query) {
        requireNonNull(organization, "organization");
        requireNonNull(query, "query");
        Filter filter = Filter.of(organization, query);
        return select(filter.where() + " ORDER BY created_at, id LIMIT :limit OFFSET :offset",
                statement -> filter.bind(statement).bind("limit", query.limit()).bind("offset", query.offset()));
    }

    @Override
    public long count(OrganizationId organization, InstanceQuery query) {
        requireNonNull(organization, "organization");
        requireNonNull(query, "query");
        Filter filter = Filter.of(organization, query);
        String sql = "SELECT COUNT(*) FROM instances" + filter.where();
        return jdbi.withHandle(handle -> filter.bind(handle.createQuery(sql)).mapTo(Long.class).one());
    }

    /** The organization and the query's tags and element; the page is the caller's. */
    private record Filter(OrganizationId organization, List<String> tags, String elementKey) {
        static Filter of(OrganizationId organization, InstanceQuery query) {
            return new Filter(organization, List.copyOf(new LinkedHashSet<>(query.tags())), query.elementKey());
        }

        String where() {
            StringBuilder where = new StringBuilder(" WHERE organization_id = :organizationId");
            if (elementKey != null) {
                where.append(" AND element_key = :elementKey");
            }
            if (!tags.isEmpty()) {
                // Has-all: the instance carries as many of the wanted (distinct) tags as were asked for.
                where.append(" AND (SELECT COUNT(DISTINCT t.tag) FROM instance_tags t")
                        .append(" WHERE t.instance_id = instances.id AND t.tag IN (<tags>)) = :tagCount");
            }
            return where.toString();
        }

        <S extends SqlStatement<S>> S bind(S statement) {
            statement.bind("organizationId", organization.value());
            if (elementKey != null) {
                statement.bind("elementKey", elementKey);
            }
            if (!tags.isEmpty()) {
                statement.bindList("tags", tags).bind("tagCount", tags.size());
            }
            return statement;
        }
    }

    /**
     * Reads the index on {@code (next_renewal_at, id)} only; a NULL next renewal (credentials that
     * need a new authorization) never compares as due.
     */
    @Override
    public List<InstanceId> dueForRenewal(Instant now, int limit) {
        requireNonNull(now, "now");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit > 0");
        }
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT id FROM instances
                 WHERE next_renewal_at <= :now
                 ORDER BY next_renewal_at, id
                 LIMIT :limit""")
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .map((row, context) -> new InstanceId(row.getLong("id")))
                .list());
    }

    /**
     * Owner, element, organization and creation time never change, so only the rest is written.
     * A concurrent writer of the same version waits for the row lock (PostgreSQL and H2 alike) and
     * then finds the version moved on, so exactly one of them updates the row.
     */
    @Override
    public boolean update(Instance updated) {
        requireNonNull(updated, "updated");
        try {
            return updateInTransaction(updated);
        } catch (JdbiException e) {
            throw RedactedFailures.redacted("Updating instance " + updated.id(), e);
        }
    }

    private boolean updateInTransaction(Instance updated) {
        return jdbi.inTransaction(handle -> {
            int changed = bindColumns(handle.createUpdate("""
                    UPDATE instances
                       SET name = :name, provider_account_id = :providerAccountId, token_digest = :tokenDigest,
                           disabled = :disabled, status = :status, status_reason = :statusReason,
                           last_renewed_at = :lastRenewedAt, token_expires_at = :tokenExpiresAt,
                           next_renewal_at = :nextRenewalAt, consecutive_failures = :consecutiveFailures,
                           secrets_key_id = :secretsKeyId, secrets_ciphertext = :secretsCiphertext,
                           updated_at = :updatedAt, version = :version
                     WHERE id = :id AND organization_id = :organizationId AND version = :expectedVersion"""), updated)
                    .bind("expectedVersion", updated.version() - 1)
                    .execute();
            if (changed == 0) {
                return false;
            }
            handle.createUpdate("DELETE FROM instance_tags WHERE instance_id = :id")
                    .bind("id", updated.id().value())
                    .execute();
            handle.createUpdate("DELETE FROM instance_configuration WHERE instance_id = :id")
                    .bind("id", updated.id().value())
                    .execute();
            insertTagsAndConfiguration(handle, updated);
            return true;
        });
    }

    @Override
    public boolean delete(OrganizationId organization, InstanceId id) {
        requireNonNull(organization, "organization");
        requireNonNull(id, "id");
        // Tags and configuration go with it (ON DELETE CASCADE).
        return jdbi.withHandle(handle -> handle.createUpdate(
                "DELETE FROM instances WHERE id = :id AND organization_id = :organizationId")
                .bind("id", id.value())
                .bind("organizationId", organization.value())
                .execute()) == 1;
    }

    private Optional<Instance> findOne(String where, UnaryOperator<Query> binding) {
        return select(where, binding).stream().findFirst();
    }

    /**
     * Reads the rows, then their tags and configuration, in one repeatable-read transaction so that
     * an update committing in between cannot pair one version's row with another's tags.
     */
    private List<Instance> select(String whereAndOrder, UnaryOperator<Query> binding) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            List<Instance> rows = binding.apply(handle.createQuery(SELECT_INSTANCES + whereAndOrder))
                    .map(INSTANCE_ROW)
                    .list();
            if (rows.isEmpty()) {
                return rows;
            }
            List<Long> ids = rows.stream().map(row -> row.id().value()).toList();
            Map<Long, List<String>> tags = tagsOf(handle, ids);
            Map<Long, Map<String, String>> configuration = configurationOf(handle, ids);
            return rows.stream()
                    .map(row -> withTagsAndConfiguration(row,
                            tags.getOrDefault(row.id().value(), List.of()),
                            configuration.getOrDefault(row.id().value(), Map.of())))
                    .toList();
        });
    }

    private static Map<Long, List<String>> tagsOf(Handle handle, List<Long> ids) {
        Map<Long, List<String>> tags = new HashMap<>();
        handle.createQuery("""
                SELECT instance_id, tag FROM instance_tags
                 WHERE instance_id IN (<ids>) ORDER BY instance_id, position""")
                .bindList("ids", ids)
                .map((row, context) -> Map.entry(row.getLong("instance_id"), row.getString("tag")))
                .forEach(tag -> tags.computeIfAbsent(tag.getKey(), id -> new ArrayList<>()).add(tag.getValue()));
        return tags;
    }

    private static Map<Long, Map<String, String>> configurationOf(Handle handle, List<Long> ids) {
        Map<Long, Map<String, String>> configuration = new HashMap<>();
        handle.createQuery("""
                SELECT instance_id, entry_key, entry_value FROM instance_configuration
                 WHERE instance_id IN (<ids>) ORDER BY instance_id, position""")
                .bindList("ids", ids)
                .map((row, context) -> new ConfigurationEntry(
                        row.getLong("instance_id"), row.getString("entry_key"), row.getString("entry_value")))
                .forEach(entry -> configuration.computeIfAbsent(entry.instanceId(), id -> new LinkedHashMap<>())
                        .put(entry.key(), entry.value()));
        return configuration;
    }

    private record ConfigurationEntry(long instanceId, String key, String value) {
    }

    private static void insertTagsAndConfiguration(Handle handle, Instance instance) {
        long id = instance.id().value();
        if (!instance.tags().isEmpty()) {
            PreparedBatch tags = handle.prepareBatch(
                    "INSERT INTO instance_tags (instance_id, position, tag) VALUES (:instanceId, :position, :tag)");
            for (int position = 0; position < instance.tags().size(); position++) {
                tags.bind("instanceId", id).bind("position", position).bind("tag", instance.tags().get(position)).add();
            }
            tags.execute();
        }
        if (!instance.configuration().isEmpty()) {
            PreparedBatch configuration = handle.prepareBatch("""
                    INSERT INTO instance_configuration (instance_id, position, entry_key, entry_value)
                    VALUES (:instanceId, :position, :key, :value)""");
            int position = 0;
            for (Map.Entry<String, String> entry : instance.configuration().entrySet()) {
                configuration.bind("instanceId", id)
                        .bind("position", position++)
                        .bind("key", entry.getKey())
                        .bind("value", entry.getValue())
                        .add();
            }
            configuration.execute();
        }
    }

    private static <S extends SqlStatement<S>> S bindColumns(S statement, Instance instance) {
        CredentialState credentials = instance.credentials();
        return statement.bind("id", instance.id().value())
                .bind("organizationId", instance.organizationId().value())
                .bind("ownerUserId", instance.ownerId().value())
                .bind("elementKey", instance.elementKey().value())
                .bind("name", instance.name())
                .bind("providerAccountId", instance.providerAccountId())
                .bind("tokenDigest", instance.tokenDigest().hex())
                .bind("disabled", instance.disabled())
                .bind("status", credentials.status().name())
                .bind("statusReason", credentials.reason())
                .bind("lastRenewedAt", EpochMillis.of(credentials.lastRenewedAt()))
                .bind("tokenExpiresAt", EpochMillis.of(credentials.tokenExpiresAt()))
                .bind("nextRenewalAt", EpochMillis.of(credentials.nextRenewalAt()))
                .bind("consecutiveFailures", credentials.consecutiveFailures())
                .bind("secretsKeyId", instance.secrets().keyId())
                .bind("secretsCiphertext", instance.secrets().ciphertext())
                .bind("createdAt", EpochMillis.of(instance.createdAt()))
                .bind("updatedAt", EpochMillis.of(instance.updatedAt()))
                .bind("version", instance.version());
    }

    private static Instance withTagsAndConfiguration(Instance row, List<String> tags,
            Map<String, String> configuration) {
        return new Instance(row.id(), row.organizationId(), row.ownerId(), row.elementKey(), row.name(), tags,
                configuration, row.secrets(), row.providerAccountId(), row.tokenDigest(), row.disabled(),
                row.credentials(), row.createdAt(), row.updatedAt(), row.version());
    }
}
