package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import dev.elements.core.port.out.ProviderUsageLedger;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Provider usage readings in {@code provider_usage}, one row per budget, shared by every node on
 * the database. A reading replaces the stored one only when it was observed no earlier, decided
 * by the database rather than by a read before the write, so that nodes recording at once cannot
 * put an older reading over a newer one. Readings are bound and mapped as the record they are
 * (see {@link StoredTypes}).
 */
public final class JdbiProviderUsageLedger implements ProviderUsageLedger {
    /** The column's width; core's buckets (element, kind, application id) are far shorter. */
    static final int LONGEST_BUCKET = 255;

    private final Jdbi jdbi;

    public JdbiProviderUsageLedger(Jdbi jdbi) {
        this.jdbi = requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<UsageReading> latest(String bucket) {
        requireNonNull(bucket, "bucket");
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT bucket, usage_percent AS percent, observed_at, blocked_until FROM provider_usage
                 WHERE bucket = :bucket""")
                .bind("bucket", bucket)
                .mapTo(UsageReading.class)
                .findOne());
    }

    /**
     * The guarded update first, since a budget has a row after its first reading: one statement in
     * the common case. Without a row, an insert; when another node inserted the budget's first row
     * in between, the insert does nothing and the guarded update decides again against that row.
     * Each statement commits alone: a row lock is never held across them.
     */
    @Override
    public void record(UsageReading reading) {
        requireNonNull(reading, "reading");
        if (reading.bucket().length() > LONGEST_BUCKET) {
            throw new IllegalArgumentException("A usage bucket has at most " + LONGEST_BUCKET + " characters");
        }
        if (updateIfNotNewer(reading) || insertIfAbsent(reading)) {
            return;
        }
        updateIfNotNewer(reading);
    }

    /**
     * Replaces the stored reading when it was observed no later than this one; an equal time lets
     * the later writer win, as the in-memory ledger does. Concurrent updates of the row queue on its
     * lock, and each re-checks the condition against the row the one before it committed
     * (PostgreSQL's read committed and H2 alike), so the newest reading is the one left.
     *
     * @return whether a row was replaced; false when there is none or it is newer
     */
    private boolean updateIfNotNewer(UsageReading reading) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                UPDATE provider_usage
                   SET usage_percent = :percent, observed_at = :observedAt, blocked_until = :blockedUntil
                 WHERE bucket = :bucket AND observed_at <= :observedAt""")
                .bindMethods(reading)
                .execute()) == 1;
    }

    /**
     * {@code ON CONFLICT DO NOTHING}: a racing insert waits for the one before it and then inserts
     * nothing, without an exception and without aborting a PostgreSQL transaction.
     *
     * @return whether this reading became the budget's first row
     */
    private boolean insertIfAbsent(UsageReading reading) {
        try {
            return jdbi.withHandle(handle -> handle.createUpdate("""
                    INSERT INTO provider_usage (bucket, usage_percent, observed_at, blocked_until)
                    VALUES (:bucket, :percent, :observedAt, :blockedUntil)
                    ON CONFLICT DO NOTHING""")
                    .bindMethods(reading)
                    .execute()) == 1;
        } catch (JdbiException e) {
            if (UniqueViolations.isUniqueViolation(e)) {
                // Not expected with ON CONFLICT, but a duplicate is a lost race whatever reports it.
                return false;
            }
            throw e;
        }
    }
}
