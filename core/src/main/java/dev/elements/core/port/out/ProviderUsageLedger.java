package dev.elements.core.port.out;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * The latest usage reading per provider budget, shared by every node, so that all instances of an
 * application slow down together before the provider locks the application out.
 */
public interface ProviderUsageLedger {
    Optional<UsageReading> latest(String bucket);

    /** Keeps this reading unless a newer one (by {@code observedAt}) is stored already. */
    void record(UsageReading reading);

    /**
     * @param bucket the budget, such as {@code facebooksocial:app:1234}
     * @param percent share of the budget used when observed
     * @param observedAt when the provider said it
     * @param blockedUntil until when the provider refuses every call of the bucket; may be null
     */
    record UsageReading(String bucket, int percent, Instant observedAt, Instant blockedUntil) {
        public UsageReading {
            requireNonNull(bucket, "bucket");
            requireNonNull(observedAt, "observedAt");
        }

        public Optional<Instant> blocked() {
            return Optional.ofNullable(blockedUntil);
        }
    }
}
