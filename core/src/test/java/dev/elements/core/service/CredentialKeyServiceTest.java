package dev.elements.core.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.InstanceSecrets;
import dev.elements.core.instance.Sealed;
import dev.elements.core.memory.PassThroughCipher;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.in.KeyRotationReport;
import dev.elements.core.port.out.CredentialCipher;
import dev.elements.core.port.out.CredentialKeyStore;
import dev.elements.core.port.out.SealedSecrets;
import dev.elements.core.port.out.UnopenableSecretException;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.testing.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The rotation's procedure over storage kept in memory; the real storage is tested in adapters-persistence. */
class CredentialKeyServiceTest {
    private static final Duration ADOPTION_DELAY = Duration.ofSeconds(11);
    private static final OrganizationId ORGANIZATION = new OrganizationId(3);

    private final KeyedStorage storage = new KeyedStorage();
    private final CredentialVault vault = new CredentialVault(storage);
    private final List<Duration> pauses = new ArrayList<>();
    private final CredentialKeyService keys =
            new CredentialKeyService(storage, storage, vault, pauses::add, 2);

    @Test
    void waitsForTheNodesThenMovesEverySecretUnderAnOlderKeyPageByPage() {
        for (long id = 1; id <= 5; id++) {
            storage.store(instanceSecrets(id));
        }
        for (int answer = 1; answer <= 3; answer++) {
            storage.store(answer("key-" + answer));
        }

        KeyRotationReport report = keys.rotate();

        assertThat(pauses).containsExactly(ADOPTION_DELAY);
        assertThat(report.previousPrimaryKeyId()).isEqualTo("k1");
        assertThat(report.primaryKeyId()).isEqualTo("k2");
        assertThat(report.keysInKeyset()).isEqualTo(2);
        assertThat(report.instanceSecretsReencrypted()).isEqualTo(5);
        assertThat(report.idempotencyAnswersReencrypted()).isEqualTo(3);
        assertThat(report.passes()).isEqualTo(2);
        assertThat(report.secretsLeftUnopened()).isZero();
        assertThat(keys.inventory().secretsByKeyId()).containsOnly(Map.entry("k2", 8L));
        assertThat(keys.inventory().secretsUnderOlderKeys()).isZero();
        for (SealedSecrets.StoredSecret stored : storage.rows.values()) {
            assertThat(vault.reseal(stored)).as("still bound to its row").isPresent();
        }
    }

    @Test
    void aSecretThatDoesNotOpenStaysUnderItsKeyAndIsReportedOnce() {
        SealedSecrets.StoredSecret good = instanceSecrets(1);
        storage.store(good);
        storage.store(new SealedSecrets.StoredSecret(
                new SealedSecrets.InstanceOwner(ORGANIZATION, new InstanceId(2)), good.sealed()));

        KeyRotationReport report = keys.rotate();

        assertThat(report.instanceSecretsReencrypted()).isEqualTo(1);
        assertThat(report.secretsLeftUnopened()).isEqualTo(1);
        assertThat(report.passes()).isEqualTo(2);
        assertThat(keys.inventory().instanceSecretsByKeyId()).containsOnly(Map.entry("k1", 1L), Map.entry("k2", 1L));
    }

    @Test
    void aCipherThatCannotOpenAtAllFailsTheRotationInsteadOfCallingEveryRowAltered() {
        storage.store(instanceSecrets(1));
        storage.keyIds.set(0, "k9");

        assertThatThrownBy(keys::rotate).isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(UnopenableSecretException.class)
                .hasMessageContaining("Unknown key");
    }

    @Test
    void storageWithoutKeyManagementHasNothingToRotate() {
        CredentialKeyService none = new CredentialKeyService(null, null, vault, pauses::add, 2);

        assertThatThrownBy(none::rotate).isInstanceOfSatisfying(PlatformException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
        assertThatThrownBy(none::inventory).isInstanceOf(PlatformException.class);
        assertThat(pauses).isEmpty();
    }

    private SealedSecrets.StoredSecret instanceSecrets(long id) {
        InstanceSecrets secrets = new InstanceSecrets(
                new TokenSet("token-" + id, null, Fixtures.NOW, List.of(), "42"), Map.of());
        return new SealedSecrets.StoredSecret(new SealedSecrets.InstanceOwner(ORGANIZATION, new InstanceId(id)),
                vault.seal(secrets, ORGANIZATION, new InstanceId(id)));
    }

    private SealedSecrets.StoredSecret answer(String key) {
        return new SealedSecrets.StoredSecret(new SealedSecrets.IdempotencyAnswerOwner(ORGANIZATION, key),
                vault.sealAnswer(("answer-" + key).getBytes(UTF_8), ORGANIZATION, key));
    }

    /**
     * Keys, cipher and stored ciphertexts in one: each ciphertext carries the key that sealed it,
     * and a key must be in the keyset to open.
     */
    private static final class KeyedStorage implements CredentialKeyStore, SealedSecrets, CredentialCipher {
        private final PassThroughCipher binding = new PassThroughCipher();
        private final List<String> keyIds = new ArrayList<>(List.of("k1"));
        /** By kind and owner, in the order pages are read. */
        final Map<String, StoredSecret> rows = new TreeMap<>();

        void store(StoredSecret secret) {
            rows.put(order(secret.owner()), secret);
        }

        private static String order(Owner owner) {
            return owner instanceof InstanceOwner instance
                    ? "i:" + String.format("%019d", instance.instance().value())
                    : "a:" + ((IdempotencyAnswerOwner) owner).key();
        }

        @Override
        public Keyset keyset() {
            return new Keyset(keyIds.get(keyIds.size() - 1), keyIds);
        }

        @Override
        public Keyset addPrimaryKey() {
            keyIds.add("k" + (keyIds.size() + 1));
            return keyset();
        }

        @Override
        public Duration adoptionDelay() {
            return ADOPTION_DELAY;
        }

        @Override
        public Sealed seal(byte[] plaintext, byte[] associatedData) {
            return new Sealed(keyset().primaryKeyId(), binding.seal(plaintext, associatedData).ciphertext());
        }

        @Override
        public byte[] open(Sealed sealed, byte[] associatedData) {
            if (!keyIds.contains(sealed.keyId())) {
                throw new IllegalStateException("Unknown key " + sealed.keyId());
            }
            return binding.open(new Sealed(PassThroughCipher.KEY_ID, sealed.ciphertext()), associatedData);
        }

        @Override
        public List<StoredSecret> underOtherKeysThan(String keyId, Kind kind, Owner after, int limit) {
            return rows.entrySet().stream()
                    .filter(row -> row.getValue().owner().kind() == kind)
                    .filter(row -> after == null || row.getKey().compareTo(order(after)) > 0)
                    .map(Map.Entry::getValue)
                    .filter(secret -> !secret.sealed().keyId().equals(keyId))
                    .limit(limit)
                    .toList();
        }

        @Override
        public boolean replace(StoredSecret read, Sealed resealed) {
            String row = order(read.owner());
            if (!rows.get(row).sealed().equals(read.sealed())) {
                return false;
            }
            rows.put(row, new StoredSecret(read.owner(), resealed));
            return true;
        }

        @Override
        public Map<String, Long> countByKeyId(Kind kind) {
            Map<String, Long> counts = new HashMap<>();
            rows.values().stream()
                    .filter(secret -> secret.owner().kind() == kind)
                    .forEach(secret -> counts.merge(secret.sealed().keyId(), 1L, Long::sum));
            return counts;
        }
    }
}
