package dev.elements.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.instance.Sealed;
import dev.elements.core.port.out.CredentialCipher;
import dev.elements.core.port.out.CredentialKeyStore;
import dev.elements.core.testing.Fixtures;
import dev.elements.persistence.EncryptionKeysets.StoredKeyset;
import dev.elements.testing.TestClock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cipher over a real PostgreSQL, the database several nodes share. */
class TinkCredentialCipherTest {
    private static final byte[] ROW = "7|1001".getBytes(UTF_8);
    private static final byte[] OTHER_ROW = "8|1001".getBytes(UTF_8);
    private static final byte[] SECRET = "access-token-0123456789".getBytes(UTF_8);

    private static PersistenceStore store;

    @BeforeAll
    static void open() {
        store = TestStores.openPostgres(TestStores.newMasterKey());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void sealsUnderThePrimaryKeyAndOpensAgain() {
        CredentialCipher cipher = store.credentialCipher();

        Sealed sealed = cipher.seal(SECRET, ROW);

        assertThat(cipher.open(sealed, ROW)).isEqualTo(SECRET);
        assertThat(sealed.keyId()).isEqualTo(storedKeyset(store).primaryKeyId());
        assertThat(new String(sealed.ciphertext(), UTF_8)).doesNotContain("access-token");
        assertThat(cipher.seal(SECRET, ROW)).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void aCiphertextMovedToAnotherRowDoesNotOpen() {
        Sealed sealed = store.credentialCipher().seal(SECRET, ROW);

        assertThatThrownBy(() -> store.credentialCipher().open(sealed, OTHER_ROW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAlteredCiphertextDoesNotOpen() {
        Sealed sealed = store.credentialCipher().seal(SECRET, ROW);
        byte[] lastByteFlipped = sealed.ciphertext();
        lastByteFlipped[lastByteFlipped.length - 1] ^= 1;
        byte[] keyIdChanged = sealed.ciphertext();
        keyIdChanged[4] ^= 1;

        assertThatThrownBy(() -> store.credentialCipher().open(new Sealed(sealed.keyId(), lastByteFlipped), ROW))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.credentialCipher().open(new Sealed(sealed.keyId(), keyIdChanged), ROW))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.credentialCipher().open(new Sealed("plaintext", sealed.ciphertext()), ROW))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.credentialCipher().open(new Sealed(sealed.keyId(), new byte[] {1, 2}), ROW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyIdTheDatabaseDoesNotHoldFailsAfterOneReload() {
        Sealed sealed = store.credentialCipher().seal(SECRET, ROW);
        byte[] ciphertext = sealed.ciphertext();
        int unknownKeyId = Integer.parseUnsignedInt(sealed.keyId()) ^ 0x5a5a5a5a;
        ciphertext[1] = (byte) (unknownKeyId >>> 24);
        ciphertext[2] = (byte) (unknownKeyId >>> 16);
        ciphertext[3] = (byte) (unknownKeyId >>> 8);
        ciphertext[4] = (byte) unknownKeyId;

        assertThatThrownBy(() -> store.credentialCipher()
                .open(new Sealed(Integer.toUnsignedString(unknownKeyId), ciphertext), ROW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not hold");
    }

    @Test
    void anotherNodeWithTheSameMasterKeyOpensWhatThisOneSealed() {
        byte[] masterKey = TestStores.newMasterKey();
        String url = TestStores.freshPostgresUrl();
        try (PersistenceStore first = PersistenceStore.open(url, "postgres", "", masterKey);
                PersistenceStore second = PersistenceStore.open(url, "postgres", "", masterKey)) {
            Sealed sealed = first.credentialCipher().seal(SECRET, ROW);

            assertThat(second.credentialCipher().open(sealed, ROW)).isEqualTo(SECRET);
        }
    }

    @Test
    void aWrongMasterKeyFailsAtOpenAndLeavesTheStoredKeysAlone() {
        byte[] masterKey = TestStores.newMasterKey();
        String url = TestStores.freshPostgresUrl();
        StoredKeyset original;
        Sealed sealed;
        try (PersistenceStore first = PersistenceStore.open(url, "postgres", "", masterKey)) {
            original = storedKeyset(first);
            sealed = first.credentialCipher().seal(SECRET, ROW);
        }

        assertThatThrownBy(() -> PersistenceStore.open(url, "postgres", "", TestStores.newMasterKey()))
                .isInstanceOf(PersistenceStartupException.class)
                .hasMessageContaining("The master key does not open the encryption keys stored in the database");

        // The failed open must not have replaced the keyset that every stored row needs.
        try (PersistenceStore again = PersistenceStore.open(url, "postgres", "", masterKey)) {
            StoredKeyset now = storedKeyset(again);
            assertThat(now.wrappedKeyset()).isEqualTo(original.wrappedKeyset());
            assertThat(now.version()).isEqualTo(original.version());
            assertThat(again.credentialCipher().open(sealed, ROW)).isEqualTo(SECRET);
        }
    }

    @Test
    void nodesStartingTogetherOnAnEmptyDatabaseStoreOneKeyset() throws Exception {
        byte[] masterKey = TestStores.newMasterKey();
        String url = TestStores.freshPostgresUrl();
        int nodes = 4;
        CyclicBarrier start = new CyclicBarrier(nodes);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        List<PersistenceStore> stores = new ArrayList<>();
        try {
            List<Future<PersistenceStore>> opening = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                opening.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return PersistenceStore.open(url, "postgres", "", masterKey);
                }));
            }
            for (Future<PersistenceStore> opened : opening) {
                stores.add(opened.get(60, TimeUnit.SECONDS));
            }

            long keysets = stores.get(0).jdbi().withHandle(handle ->
                    handle.createQuery("SELECT COUNT(*) FROM encryption_keysets").mapTo(Long.class).one());
            assertThat(keysets).isEqualTo(1);
            for (PersistenceStore sealer : stores) {
                Sealed sealed = sealer.credentialCipher().seal(SECRET, ROW);
                for (PersistenceStore opener : stores) {
                    assertThat(opener.credentialCipher().open(sealed, ROW)).isEqualTo(SECRET);
                }
            }
        } finally {
            pool.shutdownNow();
            stores.forEach(PersistenceStore::close);
        }
    }

    @Test
    void aNodeReloadsTheKeysetWhenAnotherNodeRotated() {
        byte[] masterKey = TestStores.newMasterKey();
        String url = TestStores.freshPostgresUrl();
        try (PersistenceStore before = PersistenceStore.open(url, "postgres", "", masterKey)) {
            Sealed underOldKey = before.credentialCipher().seal(SECRET, ROW);

            try (PersistenceStore after = PersistenceStore.open(url, "postgres", "", masterKey)) {
                after.credentialKeys().addPrimaryKey();
                Sealed underNewKey = after.credentialCipher().seal(SECRET, ROW);

                assertThat(underNewKey.keyId()).isNotEqualTo(underOldKey.keyId());
                assertThat(before.credentialCipher().open(underNewKey, ROW)).isEqualTo(SECRET);
                assertThat(after.credentialCipher().open(underOldKey, ROW)).isEqualTo(SECRET);
                assertThat(before.credentialCipher().seal(SECRET, ROW).keyId())
                        .as("after reloading, the old node seals under the new primary")
                        .isEqualTo(underNewKey.keyId());
            }
        }
    }

    @Test
    void aNodeSealsUnderANewPrimaryWithinTheKeysetCheckIntervalWithoutOpeningAnything() {
        byte[] masterKey = TestStores.newMasterKey();
        String url = TestStores.freshPostgresUrl();
        TestClock runningClock = new TestClock(Fixtures.NOW);
        try (PersistenceStore running = PersistenceStore.open(url, "postgres", "", masterKey, runningClock);
                PersistenceStore rotating = PersistenceStore.open(url, "postgres", "", masterKey)) {
            String oldKey = running.credentialCipher().seal(SECRET, ROW).keyId();

            String newKey = rotating.credentialKeys().addPrimaryKey().primaryKeyId();
            String sealedWithinTheInterval = running.credentialCipher().seal(SECRET, ROW).keyId();
            runningClock.advance(TinkCredentialCipher.STORED_KEYSET_MAX_AGE);

            assertThat(newKey).isNotEqualTo(oldKey);
            assertThat(sealedWithinTheInterval).as("a fresh copy of the keyset is not checked").isEqualTo(oldKey);
            assertThat(running.credentialCipher().seal(SECRET, ROW).keyId()).isEqualTo(newKey);
        }
    }

    @Test
    void addingAKeyKeepsTheOldOnesAndNeverUndoesAnotherRotation() {
        byte[] masterKey = TestStores.newMasterKey();
        String url = TestStores.freshPostgresUrl();
        try (PersistenceStore first = PersistenceStore.open(url, "postgres", "", masterKey);
                PersistenceStore second = PersistenceStore.open(url, "postgres", "", masterKey)) {
            StoredKeyset original = storedKeyset(first);

            CredentialKeyStore.Keyset once = first.credentialKeys().addPrimaryKey();
            CredentialKeyStore.Keyset twice = second.credentialKeys().addPrimaryKey();

            assertThat(once.keyIds()).containsExactly(original.primaryKeyId(), once.primaryKeyId());
            assertThat(twice.keyIds())
                    .as("the second rotation started from the first one's keyset, although its copy was older")
                    .containsExactly(original.primaryKeyId(), once.primaryKeyId(), twice.primaryKeyId());
            assertThat(storedKeyset(first).version()).isEqualTo(original.version() + 2);
            EncryptionKeysets keysets = new EncryptionKeysets(first.jdbi(), Clock.systemUTC());
            assertThat(keysets.replace(TinkCredentialCipher.PURPOSE, original.wrappedKeyset(),
                    original.primaryKeyId(), original.version()))
                    .as("a rotation working from a stale read changes nothing").isFalse();
        }
    }

    private static StoredKeyset storedKeyset(PersistenceStore on) {
        return new EncryptionKeysets(on.jdbi(), Clock.systemUTC()).find(TinkCredentialCipher.PURPOSE).orElseThrow();
    }
}
