package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.out.RefreshLeases;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Renewal leases in two columns of the instance row. Taking one is a single conditional UPDATE:
 * concurrent takers queue on the row lock, and each re-checks the condition after the one before
 * it committed (PostgreSQL's read committed and H2 alike), so the update count names exactly one
 * winner. The instance's version and other columns are never touched, so a lease does not make a
 * renewal's own versioned {@code InstanceRepository.update} fail.
 */
public final class JdbiRefreshLeases implements RefreshLeases {
    private final Jdbi jdbi;

    public JdbiRefreshLeases(Jdbi jdbi) {
        this.jdbi = requireNonNull(jdbi, "jdbi");
    }

    @Override
    public boolean tryAcquire(InstanceId instance, String holder, Instant now, Instant until) {
        requireNonNull(instance, "instance");
        requireNonNull(holder, "holder");
        requireNonNull(now, "now");
        requireNonNull(until, "until");
        return jdbi.withHandle(handle -> handle.createUpdate("""
                UPDATE instances
                   SET renewal_holder = :holder, renewal_lease_until = :until
                 WHERE id = :id AND (renewal_lease_until IS NULL OR renewal_lease_until < :now)""")
                .bind("holder", holder)
                .bind("until", until)
                .bind("id", instance)
                .bind("now", now)
                .execute()) == 1;
    }

    @Override
    public void release(InstanceId instance, String holder) {
        requireNonNull(instance, "instance");
        requireNonNull(holder, "holder");
        // Only the holder's own lease: one that expired and was taken over belongs to someone else.
        jdbi.useHandle(handle -> handle.createUpdate("""
                UPDATE instances
                   SET renewal_holder = NULL, renewal_lease_until = NULL
                 WHERE id = :id AND renewal_holder = :holder""")
                .bind("id", instance)
                .bind("holder", holder)
                .execute());
    }
}
