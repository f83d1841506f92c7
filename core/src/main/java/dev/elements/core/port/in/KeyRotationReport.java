package dev.elements.core.port.in;

import static java.util.Objects.requireNonNull;

/**
 * What a key rotation did. Key ids only, never key material.
 *
 * @param previousPrimaryKeyId the key that sealed new secrets before the rotation
 * @param primaryKeyId the key added by the rotation, which seals them now
 * @param keysInKeyset how many keys there are now, old ones included
 * @param instanceSecretsReencrypted instance secrets moved from an older key to the primary
 * @param idempotencyAnswersReencrypted stored {@code Idempotency-Key} answers moved likewise
 * @param passes how many times the stored secrets were searched; the last pass found none to move
 * @param secretsLeftUnopened secrets under an older key that did not open (altered, or copied from
 *     another row) and so could not be moved; they stay under their key, which stays too
 */
public record KeyRotationReport(
        String previousPrimaryKeyId,
        String primaryKeyId,
        int keysInKeyset,
        long instanceSecretsReencrypted,
        long idempotencyAnswersReencrypted,
        int passes,
        long secretsLeftUnopened) {

    public KeyRotationReport {
        requireNonNull(previousPrimaryKeyId, "previousPrimaryKeyId");
        requireNonNull(primaryKeyId, "primaryKeyId");
    }

    public long secretsReencrypted() {
        return instanceSecretsReencrypted + idempotencyAnswersReencrypted;
    }
}
