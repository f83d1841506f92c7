package dev.elements.core.port.out;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * The keys that seal stored credentials, as storage keeps them: which key seals new secrets, and
 * adding a new one. Moving what older keys sealed is core's key rotation, through
 * {@link SealedSecrets}. Storage that encrypts with a single fixed key need not offer this.
 */
public interface CredentialKeyStore {
    /** The keys as stored now, read afresh (another node may have added one). */
    Keyset keyset();

    /**
     * Adds a fresh key and makes it primary, without undoing a key another node added meanwhile.
     * Old keys stay, so whatever they sealed keeps opening.
     */
    Keyset addPrimaryKey();

    /**
     * How long after {@link #addPrimaryKey()} every node seals under the new key, writes that
     * sealed under the old one just before the switch included: a rotation waits this long before
     * it looks for secrets under older keys.
     */
    Duration adoptionDelay();

    /**
     * Key ids only, never key material.
     *
     * @param primaryKeyId the key that seals new secrets
     * @param keyIds every key, oldest first
     */
    record Keyset(String primaryKeyId, List<String> keyIds) {
        public Keyset {
            requireNonNull(primaryKeyId, "primaryKeyId");
            keyIds = List.copyOf(keyIds);
        }
    }
}
