package dev.elements.core.port.out;

import dev.elements.core.instance.Sealed;
import dev.elements.core.tenant.OrganizationId;
import java.time.Instant;
import java.util.Optional;

/**
 * Remembers {@code Idempotency-Key}s of {@code POST /instances}, so that a retried request gets the
 * first answer instead of a second instance. Keys are per organization; exactly one request can
 * claim a key, also across nodes.
 */
public interface IdempotencyRecords {

    /**
     * Claims the key for a request, unless a record holds it (expiry is the caller's business:
     * see {@link #expire}).
     *
     * @return empty when this request now owns the key; otherwise the record that holds it
     */
    Optional<IdempotencyRecord> claim(OrganizationId organization, String key, String fingerprint, Instant now);

    /**
     * Takes over a claim that was never completed and was made (or last taken over) before
     * {@code claimedBefore}: its holder is taken to have died, so the key would otherwise stay "still
     * running" until it expires. Atomic: of several requests taking over one claim, exactly one
     * succeeds, because the claim it takes over is stamped {@code now}.
     *
     * @param fingerprint the taking request's; a claim made with another body is not taken over
     * @return whether this request now owns the key
     */
    boolean takeOver(OrganizationId organization, String key, String fingerprint, Instant claimedBefore,
            Instant now);

    /** Records the answer of the request that owns the key. */
    void complete(OrganizationId organization, String key, Sealed answer);

    /** Forgets a claim whose request failed, so a retry may try again. */
    void release(OrganizationId organization, String key);

    /**
     * Forgets a record created before {@code createdBefore}, if it is still there; a key lives 24
     * hours.
     *
     * @return whether it was forgotten
     */
    boolean expire(OrganizationId organization, String key, Instant createdBefore);

    Optional<IdempotencyRecord> find(OrganizationId organization, String key);

    /**
     * @param fingerprint a digest of the request body that claimed the key
     * @param createdAt when it was claimed, or last taken over from a holder that died
     * @param answer the sealed answer, or null while the first request is still running
     */
    record IdempotencyRecord(String fingerprint, Instant createdAt, Sealed answer) {
        public boolean completed() {
            return answer != null;
        }
    }
}
