package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementKey;
import dev.elements.core.event.DeliveryState;
import dev.elements.core.event.EventId;
import dev.elements.core.event.OutboxEvent;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.out.EventOutbox;
import dev.elements.core.tenant.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The outbox in {@code event_outbox}, shared by every node. A claim picks the earliest due rows
 * (skipping rows another node's claim has locked at that moment, where the database can), then
 * takes each with an UPDATE that only matches while the row is still pending, due and free or past
 * its lease: concurrent claims queue on the row lock and re-check the condition, so the update
 * counts give every row to exactly one claimer. The taken rows are read again, as they are now.
 * Finishing an attempt is conditional on the holder, so a node whose lease ran out and was taken
 * over changes nothing.
 */
public final class JdbiEventOutbox implements EventOutbox {
    private static final String COLUMNS = """
            id, organization_id, instance_id, element_key, created_at, callback_url, body, signature, state,
            attempts, next_attempt_at, delivered_at, last_error""";
    private static final String FREE = "state = 'PENDING' AND next_attempt_at <= :now"
            + " AND (lease_until IS NULL OR lease_until <= :now)";
    private static final RowMapper<OutboxEvent> EVENT = (row, context) -> new OutboxEvent(
            new EventId(row.getString("id")),
            new OrganizationId(row.getLong("organization_id")),
            new InstanceId(row.getLong("instance_id")),
            ElementKey.of(row.getString("element_key")),
            EpochMillis.read(row, "created_at"),
            row.getString("callback_url"),
            row.getString("body"),
            row.getString("signature"),
            DeliveryState.valueOf(row.getString("state")),
            row.getInt("attempts"),
            EpochMillis.read(row, "next_attempt_at"),
            EpochMillis.read(row, "delivered_at"),
            row.getString("last_error"));

    private final Jdbi jdbi;

    JdbiEventOutbox(Jdbi jdbi) {
        this.jdbi = requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void append(List<OutboxEvent> events) {
        List<OutboxEvent> appended = List.copyOf(events);
        if (appended.isEmpty()) {
            return;
        }
        try {
            jdbi.useTransaction(handle -> {
                PreparedBatch batch = handle.prepareBatch("""
                        INSERT INTO event_outbox (id, organization_id, instance_id, element_key, created_at,
                                                  callback_url, body, signature, state, attempts, next_attempt_at,
                                                  delivered_at, last_error)
                        VALUES (:id, :organizationId, :instanceId, :elementKey, :createdAt, :callbackUrl, :body,
                                :signature, :state, :attempts, :nextAttemptAt, :deliveredAt, :lastError)""");
                for (OutboxEvent event : appended) {
                    batch.bindMethods(event)
                            .bind("id", event.id().value())
                            .bind("state", event.state().name())
                            .add();
                }
                batch.execute();
            });
        } catch (JdbiException e) {
            // H2 quotes a duplicate row in its message, and the body is the provider's data.
            throw RedactedFailures.redacted("Storing " + appended.size() + " events", e);
        }
    }

    @Override
    public List<OutboxEvent> claimDue(Instant now, String holder, Instant leaseUntil, int limit) {
        requireNonNull(now, "now");
        requireNonNull(holder, "holder");
        requireNonNull(leaseUntil, "leaseUntil");
        return jdbi.inTransaction(handle -> {
            List<String> candidates = handle.createQuery("SELECT id FROM event_outbox WHERE " + FREE
                            + " ORDER BY next_attempt_at, seq LIMIT :limit FOR UPDATE SKIP LOCKED")
                    .bind("now", now)
                    .bind("limit", limit)
                    .mapTo(String.class)
                    .list();
            List<String> taken = LeaseClaims.take(handle,
                    "UPDATE event_outbox SET holder = :holder, lease_until = :leaseUntil WHERE id = :key AND " + FREE,
                    candidates, now, holder, leaseUntil);
            if (taken.isEmpty()) {
                return List.of();
            }
            return handle.createQuery("SELECT " + COLUMNS
                            + " FROM event_outbox WHERE id IN (<ids>) ORDER BY next_attempt_at, seq")
                    .bindList("ids", taken)
                    .map(EVENT)
                    .list();
        });
    }

    @Override
    public boolean markDelivered(EventId id, String holder, Instant deliveredAt, int attempts) {
        requireNonNull(id, "id");
        requireNonNull(holder, "holder");
        requireNonNull(deliveredAt, "deliveredAt");
        return jdbi.withHandle(handle -> handle.createUpdate("""
                UPDATE event_outbox
                   SET state = 'DELIVERED', attempts = :attempts, next_attempt_at = NULL, delivered_at = :deliveredAt,
                       holder = NULL, lease_until = NULL
                 WHERE id = :id AND holder = :holder""")
                .bind("attempts", attempts)
                .bind("deliveredAt", deliveredAt)
                .bind("id", id.value())
                .bind("holder", holder)
                .execute()) == 1;
    }

    @Override
    public boolean markFailed(EventId id, String holder, int attempts, Instant nextAttemptAt, String error) {
        requireNonNull(id, "id");
        requireNonNull(holder, "holder");
        DeliveryState state = nextAttemptAt == null ? DeliveryState.PARKED : DeliveryState.PENDING;
        return jdbi.withHandle(handle -> handle.createUpdate("""
                UPDATE event_outbox
                   SET state = :state, attempts = :attempts, next_attempt_at = :nextAttemptAt, delivered_at = NULL,
                       last_error = :error, holder = NULL, lease_until = NULL
                 WHERE id = :id AND holder = :holder""")
                .bind("state", state.name())
                .bind("attempts", attempts)
                .bind("nextAttemptAt", nextAttemptAt)
                .bind("error", error)
                .bind("id", id.value())
                .bind("holder", holder)
                .execute()) == 1;
    }

    @Override
    public List<OutboxEvent> recent(OrganizationId organization, InstanceId instance, int limit) {
        requireNonNull(organization, "organization");
        requireNonNull(instance, "instance");
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + """
                 FROM event_outbox
                WHERE instance_id = :instance AND organization_id = :organization
                ORDER BY created_at DESC, seq DESC LIMIT :limit""")
                .bind("instance", instance)
                .bind("organization", organization)
                .bind("limit", limit)
                .map(EVENT)
                .list());
    }

    @Override
    public Optional<OutboxEvent> find(OrganizationId organization, InstanceId instance, EventId id) {
        requireNonNull(organization, "organization");
        requireNonNull(instance, "instance");
        requireNonNull(id, "id");
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + """
                 FROM event_outbox
                WHERE id = :id AND instance_id = :instance AND organization_id = :organization""")
                .bind("id", id.value())
                .bind("instance", instance)
                .bind("organization", organization)
                .map(EVENT)
                .findOne());
    }

    @Override
    public boolean redeliver(OrganizationId organization, InstanceId instance, EventId id, Instant now) {
        requireNonNull(organization, "organization");
        requireNonNull(instance, "instance");
        requireNonNull(id, "id");
        requireNonNull(now, "now");
        return jdbi.withHandle(handle -> handle.createUpdate("""
                UPDATE event_outbox
                   SET state = 'PENDING', attempts = 0, next_attempt_at = :now, delivered_at = NULL,
                       holder = NULL, lease_until = NULL
                 WHERE id = :id AND instance_id = :instance AND organization_id = :organization
                   AND state = 'PARKED'""")
                .bind("now", now)
                .bind("id", id.value())
                .bind("instance", instance)
                .bind("organization", organization)
                .execute()) == 1;
    }

    @Override
    public int deleteAll(InstanceId instance) {
        requireNonNull(instance, "instance");
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM event_outbox WHERE instance_id = :instance")
                .bind("instance", instance)
                .execute());
    }
}
