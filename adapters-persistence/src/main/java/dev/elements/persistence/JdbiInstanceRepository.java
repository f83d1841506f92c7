package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementKey;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.InstanceStatus;
import dev.elements.core.port.out.InstanceQuery;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.SecretDigest;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.EnumMap;
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

/**
 * Instances in the {@code instances} table, with their tags and non-secret configuration in two
 * child tables that keep the order. A read is one statement that brings the children along
 * (see {@link InstanceChildren}); a write binds the instance's own methods and those of its
 * credential state and sealed secrets (see {@link StoredTypes}). Every write is one transaction;
 * an update is conditional on the version, so a writer holding a stale copy changes nothing.
 */
public final class JdbiInstanceRepository implements InstanceRepository {
    private static final RowMapper<Instance> INSTANCE = new InstanceRowMapper();
    private static final RowMapper<InstanceChildren> CHILDREN = (row, context) -> InstanceChildren.read(row);

    private final Jdbi jdbi;
    private final WriteProbe writeProbe;
    private final InstanceTokenCache tokens;
    private final InstanceWrites writes;

    JdbiInstanceRepository(Jdbi jdbi, WriteProbe writeProbe, InstanceTokenCache tokens, InstanceWrites writes) {
        this.jdbi = requireNonNull(jdbi, "jdbi");
        this.writeProbe = requireNonNull(writeProbe, "writeProbe");
        this.tokens = requireNonNull(tokens, "tokens");
        this.writes = requireNonNull(writes, "writes");
    }

    @Override
    public InstanceId nextId() {
        // Provisioning takes the id before it spends the authorization code: a database known to
        // fail writes refuses here, while the code can still be used once it stores again.
        writeProbe.requireStorageWhenFailing();
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
            handle.createUpdate("""
                    INSERT INTO instances (id, organization_id, owner_user_id, element_key, name, provider_account_id,
                                           token_digest, disabled, status, status_reason, last_renewed_at,
                                           token_expires_at, next_renewal_at, consecutive_failures, secrets_key_id,
                                           secrets_ciphertext, created_at, updated_at, version)
                    VALUES (:id, :organizationId, :ownerId, :elementKey, :name, :providerAccountId,
                            :tokenDigest, :disabled, :credentials.status, :credentials.reason, :credentials.lastRenewedAt,
                            :credentials.tokenExpiresAt, :credentials.nextRenewalAt, :credentials.consecutiveFailures,
                            :secrets.keyId, :secrets.ciphertext, :createdAt, :updatedAt, :version)""")
                    .bindMethods(instance)
                    .bindMethods("credentials", instance.credentials())
                    .bindMethods("secrets", instance.secrets())
                    .execute();
            InstanceChildren children = InstanceChildren.of(instance);
            insertTags(handle, instance.id(), children);
            insertConfiguration(handle, instance.id(), children);
        });
    }

    @Override
    public Optional<Instance> find(OrganizationId organization, InstanceId id) {
        requireNonNull(organization, "organization");
        requireNonNull(id, "id");
        return findOne(" WHERE id = :id AND organization_id = :organizationId",
                query -> query.bind("id", id).bind("organizationId", organization));
    }

    @Override
    public Optional<Instance> findById(InstanceId id) {
        requireNonNull(id, "id");
        return findOne(" WHERE id = :id", query -> query.bind("id", id));
    }

    /** Every hub call looks its instance up by token, so the answers are cached (see {@link InstanceTokenCache}). */
    @Override
    public Optional<Instance> findByTokenDigest(SecretDigest tokenDigest) {
        requireNonNull(tokenDigest, "tokenDigest");
        return tokens.find(tokenDigest, digest ->
                findOne(" WHERE token_digest = :tokenDigest", query -> query.bind("tokenDigest", digest)));
    }

    @Override
    public List<Instance> findByProviderAccount(ElementKey element, String providerAccountId, int limit) {
        requireNonNull(element, "element");
        requireNonNull(providerAccountId, "providerAccountId");
        return select(" WHERE provider_account_id = :account AND element_key = :element ORDER BY created_at, id LIMIT :limit",
                query -> query.bind("account", providerAccountId).bind("element", element.value()).bind("limit", limit));
    }

    @Override
    public List<Instance> list(OrganizationId organization, InstanceQuery query) {
        requireNonNull(organization, "organization");
        requireNonNull(query, "query");
        Filter filter = Filter.of(organization, query);
        // The page's ids first, then their rows with their children: with the children aggregated
        // in the one query, the database built them for every row the OFFSET skipped too (1.3 s
        // for the last page of 100,000 instances on PostgreSQL).
        return select(" WHERE id IN (SELECT id FROM instances" + filter.where()
                + " ORDER BY created_at, id LIMIT :limit OFFSET :offset) ORDER BY created_at, id",
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

    @Override
    public Map<InstanceStatus, Long> countByStatus() {
        // A disabled instance keeps its credentials' status in the row; it counts as DISABLED.
        String sql = "SELECT disabled, status, COUNT(*) AS n FROM instances GROUP BY disabled, status";
        return jdbi.withHandle(handle -> handle.createQuery(sql).reduceRows(new EnumMap<>(InstanceStatus.class),
                (counts, row) -> {
                    InstanceStatus status = row.getColumn("disabled", Boolean.class)
                            ? InstanceStatus.DISABLED
                            : InstanceStatus.valueOf(row.getColumn("status", String.class));
                    counts.merge(status, row.getColumn("n", Long.class), Long::sum);
                    return counts;
                }));
    }

    /** The organization and the query's tags, element, condition and search text; the page is the caller's. */
    private record Filter(OrganizationId organization, List<String> tags, String elementKey,
            InstanceConditionSql condition) {
        static Filter of(OrganizationId organization, InstanceQuery query) {
            return new Filter(organization, List.copyOf(new LinkedHashSet<>(query.tags())), query.elementKey(),
                    InstanceConditionSql.of(query.where(), query.searchText()));
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
            return where.append(condition.andClause()).toString();
        }

        <S extends SqlStatement<S>> S bind(S statement) {
            statement.bind("organizationId", organization);
            if (elementKey != null) {
                statement.bind("elementKey", elementKey);
            }
            if (!tags.isEmpty()) {
                statement.bindList("tags", tags).bind("tagCount", tags.size());
            }
            return condition.bind(statement);
        }
    }

    /**
     * Reads the index on {@code (next_renewal_at, id)}; a NULL next renewal (credentials that need
     * a new authorization) never compares as due. An instance whose renewal lease another caller
     * holds is left out, under the condition on which {@link JdbiRefreshLeases#tryAcquire} would
     * refuse it: the background renewal would skip it anyway, and in the batch's place it reaches
     * instances it can renew. A lease that lapses after this read is seen by the next pass.
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
                   AND (renewal_lease_until IS NULL OR renewal_lease_until < :now)
                 ORDER BY next_renewal_at, id
                 LIMIT :limit""")
                .bind("now", now)
                .bind("limit", limit)
                .map((row, context) -> new InstanceId(row.getLong("id")))
                .list());
    }

    /**
     * Owner, element, organization and creation time never change, so only the rest is written.
     * A concurrent writer of the same version waits for the row lock (PostgreSQL and H2 alike) and
     * then finds the version moved on, so exactly one of them updates the row. Tags and
     * configuration are rewritten only when they differ from the stored ones, which the row lock
     * keeps still: most updates (renewals, status changes) leave them alone.
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
        return writes.write(updated.id(), handle -> {
            int changed = handle.createUpdate("""
                    UPDATE instances
                       SET name = :name, provider_account_id = :providerAccountId, token_digest = :tokenDigest,
                           disabled = :disabled, status = :credentials.status, status_reason = :credentials.reason,
                           last_renewed_at = :credentials.lastRenewedAt,
                           token_expires_at = :credentials.tokenExpiresAt,
                           next_renewal_at = :credentials.nextRenewalAt,
                           consecutive_failures = :credentials.consecutiveFailures,
                           secrets_key_id = :secrets.keyId, secrets_ciphertext = :secrets.ciphertext,
                           updated_at = :updatedAt, version = :version
                     WHERE id = :id AND organization_id = :organizationId AND version = :expectedVersion""")
                    .bindMethods(updated)
                    .bindMethods("credentials", updated.credentials())
                    .bindMethods("secrets", updated.secrets())
                    .bind("expectedVersion", updated.version() - 1)
                    .execute();
            if (changed == 0) {
                return false;
            }
            InstanceChildren stored = handle.createQuery(
                    "SELECT " + InstanceChildren.AGGREGATED_COLUMNS + " FROM instances WHERE id = :id")
                    .bind("id", updated.id())
                    .map(CHILDREN)
                    .one();
            InstanceChildren wanted = InstanceChildren.of(updated);
            if (!stored.tags().equals(wanted.tags())) {
                deleteChildren(handle, "instance_tags", updated.id());
                insertTags(handle, updated.id(), wanted);
            }
            if (!stored.sameConfiguration(wanted)) {
                deleteChildren(handle, "instance_configuration", updated.id());
                insertConfiguration(handle, updated.id(), wanted);
            }
            return true;
        });
    }

    @Override
    public boolean delete(OrganizationId organization, InstanceId id) {
        requireNonNull(organization, "organization");
        requireNonNull(id, "id");
        // Tags and configuration go with it (ON DELETE CASCADE).
        return writes.write(id, handle -> handle.createUpdate(
                "DELETE FROM instances WHERE id = :id AND organization_id = :organizationId")
                .bind("id", id)
                .bind("organizationId", organization)
                .execute() == 1);
    }

    private Optional<Instance> findOne(String where, UnaryOperator<Query> binding) {
        return select(where, binding).stream().findFirst();
    }

    /** One statement, rows and children together, so no transaction is needed to keep them of one version. */
    private List<Instance> select(String whereAndOrder, UnaryOperator<Query> binding) {
        return jdbi.withHandle(handle -> binding.apply(
                handle.createQuery(InstanceRowMapper.SELECT_INSTANCES + whereAndOrder))
                .map(INSTANCE)
                .list());
    }

    /** {@code table} is one of the two child tables, never input. */
    private static void deleteChildren(Handle handle, String table, InstanceId id) {
        handle.createUpdate("DELETE FROM " + table + " WHERE instance_id = :id").bind("id", id).execute();
    }

    private static void insertTags(Handle handle, InstanceId id, InstanceChildren children) {
        if (children.tags().isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(
                "INSERT INTO instance_tags (instance_id, position, tag) VALUES (:instanceId, :position, :tag)");
        for (int position = 0; position < children.tags().size(); position++) {
            batch.bind("instanceId", id).bind("position", position).bind("tag", children.tags().get(position))
                    .add();
        }
        batch.execute();
    }

    private static void insertConfiguration(Handle handle, InstanceId id, InstanceChildren children) {
        if (children.configurationKeys().isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO instance_configuration (instance_id, position, entry_key, entry_value)
                VALUES (:instanceId, :position, :key, :value)""");
        for (int position = 0; position < children.configurationKeys().size(); position++) {
            batch.bind("instanceId", id)
                    .bind("position", position)
                    .bind("key", children.configurationKeys().get(position))
                    .bind("value", children.configurationValues().get(position))
                    .add();
        }
        batch.execute();
    }
}
