package dev.elements.core.port.in;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which keys protect stored credentials and how many stored secrets each key sealed: what an
 * operator checks before and after a rotation. Key ids only, never key material.
 *
 * @param primaryKeyId the key that seals new secrets
 * @param keyIds every key, oldest first
 * @param instanceSecretsByKeyId instance secrets per key id, in key id order
 * @param idempotencyAnswersByKeyId stored {@code Idempotency-Key} answers per key id, likewise
 */
public record KeyInventory(
        String primaryKeyId,
        List<String> keyIds,
        Map<String, Long> instanceSecretsByKeyId,
        Map<String, Long> idempotencyAnswersByKeyId) {

    public KeyInventory {
        requireNonNull(primaryKeyId, "primaryKeyId");
        keyIds = List.copyOf(keyIds);
        instanceSecretsByKeyId = Collections.unmodifiableMap(new TreeMap<>(instanceSecretsByKeyId));
        idempotencyAnswersByKeyId = Collections.unmodifiableMap(new TreeMap<>(idempotencyAnswersByKeyId));
    }

    /** All stored secrets per key id, in key id order. */
    public Map<String, Long> secretsByKeyId() {
        Map<String, Long> all = new TreeMap<>(instanceSecretsByKeyId);
        idempotencyAnswersByKeyId.forEach((keyId, count) -> all.merge(keyId, count, Long::sum));
        return Collections.unmodifiableMap(all);
    }

    /** Secrets a rotation would still move: zero once one has finished. */
    public long secretsUnderOlderKeys() {
        return secretsByKeyId().entrySet().stream()
                .filter(entry -> !entry.getKey().equals(primaryKeyId))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
