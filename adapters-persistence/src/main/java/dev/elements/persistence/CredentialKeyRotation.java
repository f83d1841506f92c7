package dev.elements.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.Sealed;
import dev.elements.core.service.CredentialVault;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.persistence.TinkCredentialCipher.KeysetDescription;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotates the key that seals stored credentials, while servers on the same database keep running:
 * the storage side of the operator's {@code keys rotate} and {@code keys status}.
 *
 * <p>The procedure, in the order {@link #rotate()} runs it:
 *
 * <ol>
 *   <li>A fresh AES-256-GCM key is added to the stored keyset and made primary. The keyset row is
 *       replaced only at the version that was read, so two rotations never undo each other.
 *   <li>Running servers notice: before sealing, every node's cipher checks the stored keyset's
 *       version once its copy is older than {@link TinkCredentialCipher#STORED_KEYSET_MAX_AGE}
 *       and reloads it when it moved. The rotation then waits that long plus an allowance for
 *       writes that sealed under the old key just before the switch and are still on their way.
 *   <li>Every ciphertext under another key than the primary (instance secrets, stored
 *       {@code Idempotency-Key} answers) is opened and sealed again under the primary, in batches,
 *       with the associated data it was sealed with. Each row is written by a compare-and-set on
 *       the ciphertext that was read and touches nothing else (not the instance's version): a
 *       server that wrote the row meanwhile keeps its write, and the row is looked at again in
 *       the next pass.
 *   <li>Passes repeat until one finds no row under an older key.
 * </ol>
 *
 * <p>Old keys stay in the keyset: a node that sealed under the old key just before it noticed the
 * switch, or wrote back a copy it read before the row was re-encrypted, still stores something
 * every node opens. Such a row shows in {@link #status()} and moves at the next rotation. A key
 * could be removed only once no row names it, which this class does not do.
 *
 * <p>Needs the master key the database was set up with, like the server; a wrong one fails when
 * the store opens, before anything changes. On H2 the database file is locked by the running
 * server, so a rotation there runs in the server's process or with the server stopped.
 */
public final class CredentialKeyRotation {
    /**
     * Time for a write that sealed under the old key just before the switch to reach its row; a
     * write waits at most {@link PersistenceStore#CONNECTION_TIMEOUT} for a connection.
     */
    static final Duration IN_FLIGHT_ALLOWANCE = PersistenceStore.CONNECTION_TIMEOUT.multipliedBy(2);
    static final Duration DEFAULT_GRACE = TinkCredentialCipher.STORED_KEYSET_MAX_AGE.plus(IN_FLIGHT_ALLOWANCE);
    static final int DEFAULT_BATCH_SIZE = 200;
    /**
     * Each pass after the first only finds rows that servers rewrote from copies read before the
     * row was moved; that many passes in a row mean something keeps writing old ciphertexts.
     */
    static final int MOST_PASSES = 50;

    private static final Logger LOG = LoggerFactory.getLogger(CredentialKeyRotation.class);

    private final Jdbi jdbi;
    private final TinkCredentialCipher cipher;
    private final Duration grace;
    private final int batchSize;

    CredentialKeyRotation(Jdbi jdbi, TinkCredentialCipher cipher, Duration grace, int batchSize) {
        this.jdbi = requireNonNull(jdbi, "jdbi");
        this.cipher = requireNonNull(cipher, "cipher");
        this.grace = requireNonNull(grace, "grace");
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize > 0");
        }
        this.batchSize = batchSize;
    }

    /**
     * Adds a new primary key and moves every stored ciphertext to it. Running it again rotates
     * again; after an interrupted run it also finishes what that run left.
     *
     * @throws IllegalStateException when rows under older keys remain after {@link #MOST_PASSES}
     *     passes, or the wait was interrupted; the new key is primary by then, and running the
     *     rotation again finishes the work
     */
    public RotationReport rotate() {
        KeysetDescription before = cipher.storedKeyset();
        KeysetDescription after = cipher.addPrimaryKey();
        LOG.info("Credential key {} is primary now (was {}); re-encrypting stored credentials in {} ms",
                after.primaryKeyId(), before.primaryKeyId(), grace.toMillis());
        pause(grace);
        Moved moved = reencryptUntilNoneRemain();
        KeysetDescription now = cipher.storedKeyset();
        LOG.info("Re-encrypted {} instance secrets and {} idempotency answers under key {} in {} passes; "
                + "{} rows under older keys did not open", moved.instanceSecrets(), moved.idempotencyAnswers(),
                now.primaryKeyId(), moved.passes(), moved.unopened());
        return new RotationReport(before.primaryKeyId(), now.primaryKeyId(), now.keyIds().size(),
                moved.instanceSecrets(), moved.idempotencyAnswers(), moved.passes(), moved.unopened());
    }

    /** The keyset and how many stored ciphertexts each of its keys sealed; changes nothing. */
    public RotationStatus status() {
        KeysetDescription keyset = cipher.storedKeyset();
        return jdbi.withHandle(handle -> new RotationStatus(keyset.primaryKeyId(), keyset.keyIds(),
                countsByKeyId(handle.createQuery(
                        "SELECT secrets_key_id AS key_id, COUNT(*) AS row_count FROM instances GROUP BY secrets_key_id")
                        .mapToMap()
                        .list()),
                countsByKeyId(handle.createQuery("""
                        SELECT answer_key_id AS key_id, COUNT(*) AS row_count FROM idempotency_records
                         WHERE answer_key_id IS NOT NULL GROUP BY answer_key_id""")
                        .mapToMap()
                        .list())));
    }

    private static Map<String, Long> countsByKeyId(List<Map<String, Object>> rows) {
        Map<String, Long> counts = new HashMap<>();
        for (Map<String, Object> row : rows) {
            counts.put((String) row.get("key_id"), ((Number) row.get("row_count")).longValue());
        }
        return counts;
    }

    private record Moved(long instanceSecrets, long idempotencyAnswers, int passes, long unopened) {
    }

    /** Tally of one pass over one table. */
    private static final class Pass {
        long found;
        long moved;
    }

    private Moved reencryptUntilNoneRemain() {
        // Rows that did not open, with the ciphertext they had then: skipped while it is unchanged,
        // so one bad row neither stops the rotation nor keeps it going forever.
        Map<Object, Sealed> unopened = new HashMap<>();
        long instanceSecrets = 0;
        long idempotencyAnswers = 0;
        for (int passes = 1; passes <= MOST_PASSES; passes++) {
            String primaryKeyId = cipher.storedKeyset().primaryKeyId();
            Pass instances = reencryptInstanceSecrets(primaryKeyId, unopened);
            Pass answers = reencryptIdempotencyAnswers(primaryKeyId, unopened);
            instanceSecrets += instances.moved;
            idempotencyAnswers += answers.moved;
            if (instances.found == 0 && answers.found == 0) {
                return new Moved(instanceSecrets, idempotencyAnswers, passes, unopened.size());
            }
        }
        throw new IllegalStateException("Rows under older credential keys remained after " + MOST_PASSES
                + " passes, because they kept being rewritten; the new key is primary, run the rotation again");
    }

    private record InstanceRow(long id) {
    }

    private record AnswerRow(long organizationId, String key) {
    }

    private record SealedInstance(long id, long organizationId, Sealed secrets) {
    }

    private record SealedAnswer(long organizationId, String key, Sealed answer) {
    }

    private Pass reencryptInstanceSecrets(String primaryKeyId, Map<Object, Sealed> unopened) {
        Pass pass = new Pass();
        long after = Long.MIN_VALUE;
        while (true) {
            long afterId = after;
            List<SealedInstance> batch = jdbi.withHandle(handle -> handle.createQuery("""
                    SELECT id, organization_id, secrets_key_id, secrets_ciphertext FROM instances
                     WHERE secrets_key_id <> :primaryKeyId AND id > :afterId
                     ORDER BY id LIMIT :batchSize""")
                    .bind("primaryKeyId", primaryKeyId)
                    .bind("afterId", afterId)
                    .bind("batchSize", batchSize)
                    .map((row, context) -> new SealedInstance(row.getLong("id"), row.getLong("organization_id"),
                            new Sealed(row.getString("secrets_key_id"), row.getBytes("secrets_ciphertext"))))
                    .list());
            for (SealedInstance row : batch) {
                InstanceRow identity = new InstanceRow(row.id());
                if (row.secrets().equals(unopened.get(identity))) {
                    continue;
                }
                pass.found++;
                byte[] associatedData = CredentialVault.associatedData(
                        new OrganizationId(row.organizationId()), new InstanceId(row.id()));
                Sealed resealed = reseal(row.secrets(), associatedData);
                if (resealed == null) {
                    unopened.put(identity, row.secrets());
                    LOG.warn("The secrets of instance {} under key {} do not open; they stay under that key",
                            row.id(), row.secrets().keyId());
                    continue;
                }
                pass.moved += jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE instances SET secrets_key_id = :newKeyId, secrets_ciphertext = :newCiphertext
                         WHERE id = :id AND secrets_key_id = :oldKeyId AND secrets_ciphertext = :oldCiphertext""")
                        .bind("newKeyId", resealed.keyId())
                        .bind("newCiphertext", resealed.ciphertext())
                        .bind("id", row.id())
                        .bind("oldKeyId", row.secrets().keyId())
                        .bind("oldCiphertext", row.secrets().ciphertext())
                        .execute());
            }
            if (batch.size() < batchSize) {
                return pass;
            }
            after = batch.get(batch.size() - 1).id();
        }
    }

    private Pass reencryptIdempotencyAnswers(String primaryKeyId, Map<Object, Sealed> unopened) {
        Pass pass = new Pass();
        // Organization ids are positive, so (0, "") comes before every row.
        long afterOrganization = 0;
        String afterKey = "";
        while (true) {
            long organizationBound = afterOrganization;
            String keyBound = afterKey;
            List<SealedAnswer> batch = jdbi.withHandle(handle -> handle.createQuery("""
                    SELECT organization_id, idempotency_key, answer_key_id, answer_ciphertext
                      FROM idempotency_records
                     WHERE answer_key_id <> :primaryKeyId
                       AND (organization_id > :afterOrganization
                            OR (organization_id = :afterOrganization AND idempotency_key > :afterKey))
                     ORDER BY organization_id, idempotency_key LIMIT :batchSize""")
                    .bind("primaryKeyId", primaryKeyId)
                    .bind("afterOrganization", organizationBound)
                    .bind("afterKey", keyBound)
                    .bind("batchSize", batchSize)
                    .map((row, context) -> new SealedAnswer(row.getLong("organization_id"),
                            row.getString("idempotency_key"),
                            new Sealed(row.getString("answer_key_id"), row.getBytes("answer_ciphertext"))))
                    .list());
            for (SealedAnswer row : batch) {
                AnswerRow identity = new AnswerRow(row.organizationId(), row.key());
                if (row.answer().equals(unopened.get(identity))) {
                    continue;
                }
                pass.found++;
                byte[] associatedData = CredentialVault.idempotencyAssociatedData(
                        new OrganizationId(row.organizationId()), row.key());
                Sealed resealed = reseal(row.answer(), associatedData);
                if (resealed == null) {
                    unopened.put(identity, row.answer());
                    // The key itself is the application's; the organization is enough to find it.
                    LOG.warn("An idempotency answer of organization {} under key {} does not open; it stays "
                            + "under that key", row.organizationId(), row.answer().keyId());
                    continue;
                }
                pass.moved += jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE idempotency_records
                           SET answer_key_id = :newKeyId, answer_ciphertext = :newCiphertext
                         WHERE organization_id = :organizationId AND idempotency_key = :key
                           AND answer_key_id = :oldKeyId AND answer_ciphertext = :oldCiphertext""")
                        .bind("newKeyId", resealed.keyId())
                        .bind("newCiphertext", resealed.ciphertext())
                        .bind("organizationId", row.organizationId())
                        .bind("key", row.key())
                        .bind("oldKeyId", row.answer().keyId())
                        .bind("oldCiphertext", row.answer().ciphertext())
                        .execute());
            }
            if (batch.size() < batchSize) {
                return pass;
            }
            SealedAnswer last = batch.get(batch.size() - 1);
            afterOrganization = last.organizationId();
            afterKey = last.key();
        }
    }

    /** @return the plaintext sealed under the current primary key, or null when it does not open */
    private Sealed reseal(Sealed sealed, byte[] associatedData) {
        byte[] plaintext;
        try {
            plaintext = cipher.open(sealed, associatedData);
        } catch (IllegalStateException e) {
            return null;
        }
        try {
            return cipher.seal(plaintext, associatedData);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the servers to seal under the new key; "
                    + "it is primary, run the rotation again to re-encrypt the stored credentials", e);
        }
    }
}
