package dev.elements.core.port.out;

import java.util.List;
import java.util.Map;

/**
 * The keys that protect stored credentials, for the operator: rotate them (a new primary key, every
 * stored secret re-encrypted under it) and see which key protects how many secrets. Storage that
 * encrypts with a single fixed key need not offer this.
 */
public interface CredentialKeys {
    Rotation rotate();

    Inventory inventory();

    /**
     * @param previousPrimaryKeyId the key that sealed new secrets before
     * @param primaryKeyId the key that seals them now
     * @param secretsReencrypted stored secrets moved to the new key
     * @param secretsLeftUnopened stored secrets that did not open (altered) and were left alone
     */
    record Rotation(String previousPrimaryKeyId, String primaryKeyId, long secretsReencrypted,
            long secretsLeftUnopened) {
    }

    /**
     * @param primaryKeyId the key that seals new secrets
     * @param keyIds every key, oldest first
     * @param secretsByKeyId how many stored secrets each key sealed
     */
    record Inventory(String primaryKeyId, List<String> keyIds, Map<String, Long> secretsByKeyId) {
        public Inventory {
            keyIds = List.copyOf(keyIds);
            secretsByKeyId = Map.copyOf(secretsByKeyId);
        }

        /** Secrets a rotation would still move: zero once one has finished. */
        public long secretsUnderOlderKeys() {
            return secretsByKeyId.entrySet().stream()
                    .filter(entry -> !entry.getKey().equals(primaryKeyId))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }
    }
}
