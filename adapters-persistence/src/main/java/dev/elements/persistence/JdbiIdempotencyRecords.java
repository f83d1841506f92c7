package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.IdempotencyKeys;
import dev.elements.core.instance.Sealed;
import dev.elements.core.port.out.IdempotencyRecords;
import dev.elements.core.tenant.OrganizationId;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Idempotency keys in {@code idempotency_records}, whose primary key (organization, key) lets one
 * claim win however many requests and nodes race. The answer is stored sealed, with the key id
 * beside it so that a key rotation can find it.
 */
public final class JdbiIdempotencyRecords implements IdempotencyRecords {
    /**
     * A claim that lost finds the record gone only when its owner released or expired it in the
     * meantime; trying again is then right, but never forever.
     */
    private static final int CLAIM_ATTEMPTS = 5;
    private static final RowMapper<IdempotencyRecord> RECORD = (row, context) -> {
        String answerKeyId = row.getString("answer_key_id");
        byte[] answerCiphertext = row.getBytes("answer_ciphertext");
        Sealed answer = answerKeyId == null || answerCiphertext == null
                ? null : new Sealed(answerKeyId, answerCiphertext);
        return new IdempotencyRecord(row.getString("fingerprint"), EpochMillis.read(row, "created_at"), answer);
    };

    private final Jdbi jdbi;

    public JdbiIdempotencyRecords(Jdbi jdbi) {
        this.jdbi = requireNonNull(jdbi, "jdbi");
    }

    /**
     * {@code ON CONFLICT DO NOTHING} rather than catching a duplicate key: a racing insert waits
     * for the one before it and then inserts nothing, without an exception (whose H2 message would
     * quote the row) and without aborting a PostgreSQL transaction.
     */
    @Override
    public Optional<IdempotencyRecord> claim(OrganizationId organization, String key, String fingerprint,
            Instant now) {
        requireNonNull(organization, "organization");
        requireNonNull(key, "key");
        requireNonNull(fingerprint, "fingerprint");
        requireNonNull(now, "now");
        if (key.length() > IdempotencyKeys.MAX_LENGTH) {
            // Refused here, as the caller's mistake, rather than as a failed INSERT and a 500.
            throw new PlatformException(ErrorCode.INVALID_FIELD,
                    "An Idempotency-Key has at most " + IdempotencyKeys.MAX_LENGTH + " characters");
        }
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            if (insertIfAbsent(organization, key, fingerprint, now)) {
                return Optional.empty();
            }
            Optional<IdempotencyRecord> holder = find(organization, key);
            if (holder.isPresent()) {
                return holder;
            }
        }
        throw new IllegalStateException("Idempotency key of organization " + organization.value()
                + " was claimed and released " + CLAIM_ATTEMPTS + " times while this request tried to claim it");
    }

    private boolean insertIfAbsent(OrganizationId organization, String key, String fingerprint, Instant now) {
        try {
            return jdbi.withHandle(handle -> handle.createUpdate("""
                    INSERT INTO idempotency_records (organization_id, idempotency_key, fingerprint, created_at)
                    VALUES (:organizationId, :key, :fingerprint, :createdAt)
                    ON CONFLICT DO NOTHING""")
                    .bind("organizationId", organization)
                    .bind("key", key)
                    .bind("fingerprint", fingerprint)
                    .bind("createdAt", now)
                    .execute()) == 1;
        } catch (JdbiException e) {
            if (UniqueViolations.isUniqueViolation(e)) {
                // Not expected with ON CONFLICT, but a duplicate is a lost race whatever reports it.
                return false;
            }
            throw RedactedFailures.redacted("Claiming an idempotency key of organization " + organization.value(), e);
        }
    }

    /**
     * One conditional UPDATE: the row lock makes racing take-overs queue, and the first one's new
     * {@code created_at} no longer matches the condition of the others.
     */
    @Override
    public boolean takeOver(OrganizationId organization, String key, String fingerprint, Instant claimedBefore,
            Instant now) {
        requireNonNull(organization, "organization");
        requireNonNull(key, "key");
        requireNonNull(fingerprint, "fingerprint");
        requireNonNull(claimedBefore, "claimedBefore");
        requireNonNull(now, "now");
        try {
            return jdbi.withHandle(handle -> handle.createUpdate("""
                    UPDATE idempotency_records SET created_at = :now
                     WHERE organization_id = :organizationId AND idempotency_key = :key
                       AND fingerprint = :fingerprint AND answer_key_id IS NULL AND created_at < :claimedBefore""")
                    .bind("organizationId", organization)
                    .bind("key", key)
                    .bind("fingerprint", fingerprint)
                    .bind("claimedBefore", claimedBefore)
                    .bind("now", now)
                    .execute()) == 1;
        } catch (JdbiException e) {
            throw RedactedFailures.redacted("Taking over an idempotency key of organization " + organization.value(),
                    e);
        }
    }

    @Override
    public void complete(OrganizationId organization, String key, Sealed answer) {
        requireNonNull(organization, "organization");
        requireNonNull(key, "key");
        requireNonNull(answer, "answer");
        try {
            jdbi.useHandle(handle -> handle.createUpdate("""
                    UPDATE idempotency_records
                       SET answer_key_id = :answer.keyId, answer_ciphertext = :answer.ciphertext
                     WHERE organization_id = :organizationId AND idempotency_key = :key""")
                    .bindMethods("answer", answer)
                    .bind("organizationId", organization)
                    .bind("key", key)
                    .execute());
        } catch (JdbiException e) {
            throw RedactedFailures.redacted("Recording the answer to an idempotency key of organization "
                    + organization.value(), e);
        }
    }

    @Override
    public void release(OrganizationId organization, String key) {
        requireNonNull(organization, "organization");
        requireNonNull(key, "key");
        // A completed answer stays: a retry must get it, not run the request a second time.
        jdbi.useHandle(handle -> handle.createUpdate("""
                DELETE FROM idempotency_records
                 WHERE organization_id = :organizationId AND idempotency_key = :key AND answer_key_id IS NULL""")
                .bind("organizationId", organization)
                .bind("key", key)
                .execute());
    }

    @Override
    public boolean expire(OrganizationId organization, String key, Instant createdBefore) {
        requireNonNull(organization, "organization");
        requireNonNull(key, "key");
        requireNonNull(createdBefore, "createdBefore");
        // Conditional on the age, so a node that saw an old record cannot delete a fresh claim
        // another node made after someone else expired the old one.
        return jdbi.withHandle(handle -> handle.createUpdate("""
                DELETE FROM idempotency_records
                 WHERE organization_id = :organizationId AND idempotency_key = :key AND created_at < :createdBefore""")
                .bind("organizationId", organization)
                .bind("key", key)
                .bind("createdBefore", createdBefore)
                .execute()) == 1;
    }

    @Override
    public Optional<IdempotencyRecord> find(OrganizationId organization, String key) {
        requireNonNull(organization, "organization");
        requireNonNull(key, "key");
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT fingerprint, created_at, answer_key_id, answer_ciphertext FROM idempotency_records
                 WHERE organization_id = :organizationId AND idempotency_key = :key""")
                .bind("organizationId", organization)
                .bind("key", key)
                .map(RECORD)
                .findOne());
    }
}
