package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import dev.elements.core.event.PollClaim;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.out.EventPolls;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/**
 * The polling schedule in {@code event_polls}, shared by every node. Claims work as the outbox's
 * ({@link JdbiEventOutbox}): earliest due rows first, each taken by an UPDATE that only matches
 * while it is due and its lease free or expired, so one node polls an instance at a time.
 */
public final class JdbiEventPolls implements EventPolls {
    private static final String FREE = "next_poll_at <= :now AND (lease_until IS NULL OR lease_until <= :now)";
    private static final RowMapper<PollClaim> CLAIM = (row, context) -> new PollClaim(
            new InstanceId(row.getLong("instance_id")), row.getString("poll_cursor"), EpochMillis.read(row, "since"));

    private final Jdbi jdbi;

    JdbiEventPolls(Jdbi jdbi) {
        this.jdbi = requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void schedule(InstanceId instance, Instant since, Instant firstPollAt) {
        requireNonNull(instance, "instance");
        requireNonNull(since, "since");
        requireNonNull(firstPollAt, "firstPollAt");
        jdbi.useTransaction(handle -> {
            // ON CONFLICT DO NOTHING: an instance already scheduled keeps its row (its since, its
            // cursor and any lease under way) and only gets the new time below.
            int inserted = handle.createUpdate("""
                    INSERT INTO event_polls (instance_id, since, next_poll_at) VALUES (:instance, :since, :first)
                    ON CONFLICT DO NOTHING""")
                    .bind("instance", instance)
                    .bind("since", since)
                    .bind("first", firstPollAt)
                    .execute();
            if (inserted == 0) {
                handle.createUpdate("UPDATE event_polls SET next_poll_at = :first WHERE instance_id = :instance")
                        .bind("first", firstPollAt)
                        .bind("instance", instance)
                        .execute();
            }
        });
    }

    @Override
    public void unschedule(InstanceId instance) {
        requireNonNull(instance, "instance");
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM event_polls WHERE instance_id = :instance")
                .bind("instance", instance)
                .execute());
    }

    @Override
    public List<PollClaim> claimDue(Instant now, String holder, Instant leaseUntil, int limit) {
        requireNonNull(now, "now");
        requireNonNull(holder, "holder");
        requireNonNull(leaseUntil, "leaseUntil");
        return jdbi.inTransaction(handle -> {
            List<Long> candidates = handle.createQuery("SELECT instance_id FROM event_polls WHERE " + FREE
                            + " ORDER BY next_poll_at, instance_id LIMIT :limit FOR UPDATE SKIP LOCKED")
                    .bind("now", now)
                    .bind("limit", limit)
                    .mapTo(Long.class)
                    .list();
            List<Long> taken = LeaseClaims.take(handle, "UPDATE event_polls SET holder = :holder,"
                    + " lease_until = :leaseUntil WHERE instance_id = :key AND " + FREE, candidates, now, holder,
                    leaseUntil);
            if (taken.isEmpty()) {
                return List.of();
            }
            return handle.createQuery("SELECT instance_id, poll_cursor, since FROM event_polls"
                            + " WHERE instance_id IN (<ids>) ORDER BY next_poll_at, instance_id")
                    .bindList("ids", taken)
                    .map(CLAIM)
                    .list();
        });
    }

    @Override
    public boolean complete(InstanceId instance, String holder, String cursor, Instant nextPollAt) {
        requireNonNull(instance, "instance");
        requireNonNull(holder, "holder");
        requireNonNull(nextPollAt, "nextPollAt");
        return jdbi.withHandle(handle -> {
            // A poll that found nothing new keeps the cursor it had.
            Update update = handle.createUpdate("UPDATE event_polls"
                            + " SET next_poll_at = :next, holder = NULL, lease_until = NULL"
                            + (cursor == null ? "" : ", poll_cursor = :cursor")
                            + " WHERE instance_id = :instance AND holder = :holder")
                    .bind("next", nextPollAt)
                    .bind("instance", instance)
                    .bind("holder", holder);
            if (cursor != null) {
                update.bind("cursor", cursor);
            }
            return update.execute();
        }) == 1;
    }
}
