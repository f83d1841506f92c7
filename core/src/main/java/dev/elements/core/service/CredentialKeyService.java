package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.Sealed;
import dev.elements.core.port.in.KeyInventory;
import dev.elements.core.port.in.KeyRotationReport;
import dev.elements.core.port.in.ManageCredentialKeysUseCase;
import dev.elements.core.port.out.CredentialKeyStore;
import dev.elements.core.port.out.SealedSecrets.InstanceOwner;
import dev.elements.core.port.out.SealedSecrets.Kind;
import dev.elements.core.port.out.SealedSecrets.Owner;
import dev.elements.core.port.out.SealedSecrets.StoredSecret;
import dev.elements.core.port.out.SealedSecrets;
import dev.elements.core.port.out.Sleeper;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rotates the key that seals stored credentials while servers on the same storage keep running.
 *
 * <p>The procedure, in the order {@link #rotate()} runs it:
 *
 * <ol>
 *   <li>The key store adds a fresh key and makes it primary, never undoing a key another node
 *       added meanwhile.
 *   <li>The rotation waits the store's {@linkplain CredentialKeyStore#adoptionDelay() adoption
 *       delay}: by then every node seals under the new key, and writes that sealed under the old
 *       one just before the switch have reached their rows.
 *   <li>Every stored secret under another key than the primary (instance secrets, stored
 *       {@code Idempotency-Key} answers) is opened and sealed again under the primary by the
 *       {@link CredentialVault}, in pages, bound to the same row. Each is written back only if the
 *       row still holds what was read, and nothing else of the row changes (not the instance's
 *       version): a node that wrote the row meanwhile keeps its write, and the next pass looks at
 *       the row again.
 *   <li>Passes repeat until one finds no secret under an older key.
 * </ol>
 *
 * <p>Old keys stay: a node that sealed under the old key just before it noticed the switch, or
 * wrote back a copy it read before the row was moved, still stores something every node opens.
 * Such a secret shows in {@link #inventory()} and moves at the next rotation. One rotation at a
 * time per node.
 */
public final class CredentialKeyService implements ManageCredentialKeysUseCase {
    /** Secrets read and written back per page. */
    public static final int DEFAULT_BATCH_SIZE = 200;
    /**
     * Each pass after the first only finds rows that servers rewrote from copies read before the
     * row was moved; that many passes in a row mean something keeps writing old ciphertexts.
     */
    static final int MOST_PASSES = 50;

    private static final System.Logger LOG = System.getLogger(CredentialKeyService.class.getName());

    private final CredentialKeyStore keys;
    private final SealedSecrets secrets;
    private final CredentialVault vault;
    private final Sleeper sleeper;
    private final int batchSize;

    /**
     * @param keys the storage's key management, or null when it has none
     * @param secrets the storage's sealed secrets; null exactly when {@code keys} is
     * @param batchSize secrets per page, {@link #DEFAULT_BATCH_SIZE} unless a test wants many pages
     */
    public CredentialKeyService(CredentialKeyStore keys, SealedSecrets secrets, CredentialVault vault,
            Sleeper sleeper, int batchSize) {
        if ((keys == null) != (secrets == null)) {
            throw new IllegalArgumentException("Key management needs both the key store and the sealed secrets");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize > 0");
        }
        this.keys = keys;
        this.secrets = secrets;
        this.vault = requireNonNull(vault, "vault");
        this.sleeper = requireNonNull(sleeper, "sleeper");
        this.batchSize = batchSize;
    }

    @Override
    public synchronized KeyRotationReport rotate() {
        CredentialKeyStore store = available();
        CredentialKeyStore.Keyset before = store.keyset();
        CredentialKeyStore.Keyset after = store.addPrimaryKey();
        LOG.log(Level.INFO, "Credential key {0} is primary now (was {1}); re-encrypting stored credentials in {2} ms",
                after.primaryKeyId(), before.primaryKeyId(), store.adoptionDelay().toMillis());
        awaitAdoption(store);
        Moved moved = reencryptUntilNoneRemain(store);
        CredentialKeyStore.Keyset now = store.keyset();
        LOG.log(Level.INFO, "Re-encrypted {0} instance secrets and {1} idempotency answers under key {2} in {3} "
                + "passes; {4} secrets under older keys did not open", moved.instanceSecrets(),
                moved.idempotencyAnswers(), now.primaryKeyId(), moved.passes(), moved.unopened());
        return new KeyRotationReport(before.primaryKeyId(), now.primaryKeyId(), now.keyIds().size(),
                moved.instanceSecrets(), moved.idempotencyAnswers(), moved.passes(), moved.unopened());
    }

    @Override
    public KeyInventory inventory() {
        CredentialKeyStore.Keyset keyset = available().keyset();
        return new KeyInventory(keyset.primaryKeyId(), keyset.keyIds(),
                secrets.countByKeyId(Kind.INSTANCE_SECRETS), secrets.countByKeyId(Kind.IDEMPOTENCY_ANSWERS));
    }

    private CredentialKeyStore available() {
        if (keys == null) {
            throw new PlatformException(ErrorCode.RESOURCE_NOT_FOUND, "This storage has no credential keys to manage");
        }
        return keys;
    }

    private void awaitAdoption(CredentialKeyStore store) {
        try {
            sleeper.sleep(store.adoptionDelay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the servers to seal under the new key; "
                    + "it is primary, run the rotation again to re-encrypt the stored credentials", e);
        }
    }

    private record Moved(long instanceSecrets, long idempotencyAnswers, int passes, long unopened) {
    }

    /** Tally of one pass over one kind of secret. */
    private static final class Pass {
        long found;
        long moved;
    }

    private Moved reencryptUntilNoneRemain(CredentialKeyStore store) {
        // Secrets that did not open, with the ciphertext they had then: skipped while it is
        // unchanged, so one bad row neither stops the rotation nor keeps it going forever.
        Map<Owner, Sealed> unopened = new HashMap<>();
        long instanceSecrets = 0;
        long idempotencyAnswers = 0;
        for (int passes = 1; passes <= MOST_PASSES; passes++) {
            String primaryKeyId = store.keyset().primaryKeyId();
            Pass instances = reencrypt(Kind.INSTANCE_SECRETS, primaryKeyId, unopened);
            Pass answers = reencrypt(Kind.IDEMPOTENCY_ANSWERS, primaryKeyId, unopened);
            instanceSecrets += instances.moved;
            idempotencyAnswers += answers.moved;
            if (instances.found == 0 && answers.found == 0) {
                return new Moved(instanceSecrets, idempotencyAnswers, passes, unopened.size());
            }
        }
        throw new IllegalStateException("Secrets under older credential keys remained after " + MOST_PASSES
                + " passes, because they kept being rewritten; the new key is primary, run the rotation again");
    }

    private Pass reencrypt(Kind kind, String primaryKeyId, Map<Owner, Sealed> unopened) {
        Pass pass = new Pass();
        Owner after = null;
        while (true) {
            List<StoredSecret> page = secrets.underOtherKeysThan(primaryKeyId, kind, after, batchSize);
            for (StoredSecret stored : page) {
                if (stored.sealed().equals(unopened.get(stored.owner()))) {
                    continue;
                }
                pass.found++;
                Optional<Sealed> resealed = vault.reseal(stored);
                if (resealed.isEmpty()) {
                    unopened.put(stored.owner(), stored.sealed());
                    LOG.log(Level.WARNING, "{0} under key {1} does not open; it stays under that key",
                            describe(stored.owner()), stored.sealed().keyId());
                } else if (secrets.replace(stored, resealed.get())) {
                    pass.moved++;
                }
            }
            if (page.size() < batchSize) {
                return pass;
            }
            after = page.get(page.size() - 1).owner();
        }
    }

    /** The organization and instance; an idempotency key is the application's and stays out of logs. */
    private static String describe(Owner owner) {
        return owner instanceof InstanceOwner instance
                ? "The secrets of instance " + instance.instance().value()
                : "An idempotency answer of organization "
                        + ((SealedSecrets.IdempotencyAnswerOwner) owner).organization().value();
    }
}
