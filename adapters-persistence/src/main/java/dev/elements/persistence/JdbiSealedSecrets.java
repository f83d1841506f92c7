package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.Sealed;
import dev.elements.core.port.out.SealedSecrets;
import dev.elements.core.tenant.OrganizationId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The ciphertexts in {@code instances} and {@code idempotency_records}, by the key that sealed
 * them: the storage side of core's key rotation. Nothing here opens a ciphertext.
 */
final class JdbiSealedSecrets implements SealedSecrets {
    private final Jdbi jdbi;
    private final InstanceWrites instanceWrites;

    JdbiSealedSecrets(Jdbi jdbi, InstanceWrites instanceWrites) {
        this.jdbi = requireNonNull(jdbi, "jdbi");
        this.instanceWrites = requireNonNull(instanceWrites, "instanceWrites");
    }

    @Override
    public List<StoredSecret> underOtherKeysThan(String keyId, Kind kind, Owner after, int limit) {
        requireNonNull(keyId, "keyId");
        requireNonNull(kind, "kind");
        return switch (kind) {
            case INSTANCE_SECRETS -> instanceSecrets(keyId, (InstanceOwner) after, limit);
            case IDEMPOTENCY_ANSWERS -> idempotencyAnswers(keyId, (IdempotencyAnswerOwner) after, limit);
        };
    }

    private List<StoredSecret> instanceSecrets(String keyId, InstanceOwner after, int limit) {
        long afterId = after == null ? Long.MIN_VALUE : after.instance().value();
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT id, organization_id, secrets_key_id, secrets_ciphertext FROM instances
                 WHERE secrets_key_id <> :keyId AND id > :afterId
                 ORDER BY id LIMIT :limit""")
                .bind("keyId", keyId)
                .bind("afterId", afterId)
                .bind("limit", limit)
                .map((row, context) -> new StoredSecret(
                        new InstanceOwner(new OrganizationId(row.getLong("organization_id")),
                                new InstanceId(row.getLong("id"))),
                        new Sealed(row.getString("secrets_key_id"), row.getBytes("secrets_ciphertext"))))
                .list());
    }

    private List<StoredSecret> idempotencyAnswers(String keyId, IdempotencyAnswerOwner after, int limit) {
        // Organization ids are positive, so (0, "") comes before every row.
        long afterOrganization = after == null ? 0 : after.organization().value();
        String afterKey = after == null ? "" : after.key();
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT organization_id, idempotency_key, answer_key_id, answer_ciphertext
                  FROM idempotency_records
                 WHERE answer_key_id <> :keyId
                   AND (organization_id > :afterOrganization
                        OR (organization_id = :afterOrganization AND idempotency_key > :afterKey))
                 ORDER BY organization_id, idempotency_key LIMIT :limit""")
                .bind("keyId", keyId)
                .bind("afterOrganization", afterOrganization)
                .bind("afterKey", afterKey)
                .bind("limit", limit)
                .map((row, context) -> new StoredSecret(
                        new IdempotencyAnswerOwner(new OrganizationId(row.getLong("organization_id")),
                                row.getString("idempotency_key")),
                        new Sealed(row.getString("answer_key_id"), row.getBytes("answer_ciphertext"))))
                .list());
    }

    @Override
    public boolean replace(StoredSecret read, Sealed resealed) {
        requireNonNull(read, "read");
        requireNonNull(resealed, "resealed");
        if (read.owner() instanceof InstanceOwner instance) {
            // The version stays, as the plaintext does; the cached instance still has the old ciphertext.
            return instanceWrites.write(instance.instance(), handle -> handle.createUpdate("""
                    UPDATE instances SET secrets_key_id = :newKeyId, secrets_ciphertext = :newCiphertext
                     WHERE id = :id AND secrets_key_id = :oldKeyId AND secrets_ciphertext = :oldCiphertext""")
                    .bind("newKeyId", resealed.keyId())
                    .bind("newCiphertext", resealed.ciphertext())
                    .bind("id", instance.instance().value())
                    .bind("oldKeyId", read.sealed().keyId())
                    .bind("oldCiphertext", read.sealed().ciphertext())
                    .execute() == 1);
        }
        IdempotencyAnswerOwner answer = (IdempotencyAnswerOwner) read.owner();
        return jdbi.withHandle(handle -> handle.createUpdate("""
                UPDATE idempotency_records
                   SET answer_key_id = :newKeyId, answer_ciphertext = :newCiphertext
                 WHERE organization_id = :organizationId AND idempotency_key = :key
                   AND answer_key_id = :oldKeyId AND answer_ciphertext = :oldCiphertext""")
                .bind("newKeyId", resealed.keyId())
                .bind("newCiphertext", resealed.ciphertext())
                .bind("organizationId", answer.organization().value())
                .bind("key", answer.key())
                .bind("oldKeyId", read.sealed().keyId())
                .bind("oldCiphertext", read.sealed().ciphertext())
                .execute()) == 1;
    }

    @Override
    public Map<String, Long> countByKeyId(Kind kind) {
        String query = switch (requireNonNull(kind, "kind")) {
            case INSTANCE_SECRETS ->
                    "SELECT secrets_key_id AS key_id, COUNT(*) AS row_count FROM instances GROUP BY secrets_key_id";
            case IDEMPOTENCY_ANSWERS -> """
                    SELECT answer_key_id AS key_id, COUNT(*) AS row_count FROM idempotency_records
                     WHERE answer_key_id IS NOT NULL GROUP BY answer_key_id""";
        };
        return jdbi.withHandle(handle -> {
            Map<String, Long> counts = new HashMap<>();
            for (Map<String, Object> row : handle.createQuery(query).mapToMap().list()) {
                counts.put((String) row.get("key_id"), ((Number) row.get("row_count")).longValue());
            }
            return counts;
        });
    }
}
