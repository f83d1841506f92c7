package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which keys the credential keyset holds and how many stored ciphertexts each key sealed: what an
 * operator checks before and after a rotation. No key material.
 *
 * @param primaryKeyId the key that seals new credentials
 * @param keyIds every key of the keyset, oldest first
 * @param instanceSecretsByKeyId instance secrets per key id, in key id order
 * @param idempotencyAnswersByKeyId stored {@code Idempotency-Key} answers per key id, likewise
 */
public record RotationStatus(
        String primaryKeyId,
        List<String> keyIds,
        Map<String, Long> instanceSecretsByKeyId,
        Map<String, Long> idempotencyAnswersByKeyId) {

    public RotationStatus {
        requireNonNull(primaryKeyId, "primaryKeyId");
        keyIds = List.copyOf(keyIds);
        instanceSecretsByKeyId = Collections.unmodifiableMap(new TreeMap<>(instanceSecretsByKeyId));
        idempotencyAnswersByKeyId = Collections.unmodifiableMap(new TreeMap<>(idempotencyAnswersByKeyId));
    }

    /** Ciphertexts a rotation would still move: zero once a rotation has finished. */
    public long rowsUnderOlderKeys() {
        return underOlderKeys(instanceSecretsByKeyId) + underOlderKeys(idempotencyAnswersByKeyId);
    }

    private long underOlderKeys(Map<String, Long> byKeyId) {
        return byKeyId.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(primaryKeyId))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
