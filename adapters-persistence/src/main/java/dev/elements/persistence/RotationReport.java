package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

/**
 * What a key rotation did. Key ids are Tink's, as stored beside every ciphertext; no key material.
 *
 * @param previousPrimaryKeyId the key that sealed new credentials before the rotation
 * @param primaryKeyId the key added by the rotation, which seals them now
 * @param keysInKeyset how many keys the keyset holds now, old ones included
 * @param instanceSecretsReencrypted instance secrets moved from an older key to the primary
 * @param idempotencyAnswersReencrypted stored {@code Idempotency-Key} answers moved likewise
 * @param passes how many times the rows were searched; the last pass found none left to move
 * @param rowsLeftUnopened rows under an older key that did not open (altered, or copied from
 *     another row) and so could not be moved; they stay under their key, which stays in the keyset
 */
public record RotationReport(
        String previousPrimaryKeyId,
        String primaryKeyId,
        int keysInKeyset,
        long instanceSecretsReencrypted,
        long idempotencyAnswersReencrypted,
        int passes,
        long rowsLeftUnopened) {

    public RotationReport {
        requireNonNull(previousPrimaryKeyId, "previousPrimaryKeyId");
        requireNonNull(primaryKeyId, "primaryKeyId");
    }

    public long rowsReencrypted() {
        return instanceSecretsReencrypted + idempotencyAnswersReencrypted;
    }
}
