package dev.elements.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.elements.core.instance.Sealed;
import dev.elements.core.port.out.CredentialCipher;
import dev.elements.core.port.out.CredentialKeyStore;
import dev.elements.core.port.out.UnopenableSecretException;
import dev.elements.persistence.EncryptionKeysets.StoredKeyset;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Envelope encryption of stored credentials. A Tink AES-256-GCM keyset encrypts the credentials;
 * the keyset itself lives in the database, encrypted ("wrapped") under the operator's 32-byte
 * master key, so that a copy of the database alone opens nothing and several nodes share one
 * keyset.
 *
 * <p>Key ids make rotation possible without a flag day: core's key rotation has this store add a
 * key to the stored keyset and make it primary, then re-seals the rows whose key id names an older
 * key. Every node learns of the new primary within {@link #STORED_KEYSET_MAX_AGE}: before
 * sealing with a copy of the keyset older than that, the cipher reads the stored version and
 * reloads when it moved. A node that meets a key id it does not know reloads at once, because
 * another node may have rotated meanwhile. Old keys stay in the keyset, so whatever they sealed
 * keeps opening.
 */
public final class TinkCredentialCipher implements CredentialCipher, CredentialKeyStore {
    /** The keyset row this cipher uses. */
    static final String PURPOSE = "credentials";
    /**
     * The oldest copy of the keyset a seal may use without asking the database whether it is still
     * current: the bound within which every node seals under a newly stored primary key. Sealing is
     * rare (provisioning, renewal, re-authorization), so one version read per second at most costs
     * nothing worth saving.
     */
    static final Duration STORED_KEYSET_MAX_AGE = Duration.ofSeconds(1);
    /**
     * Time for a write that sealed under the old key just before the switch to reach its row; a
     * write waits at most {@link PersistenceStore#CONNECTION_TIMEOUT} for a connection.
     */
    static final Duration IN_FLIGHT_ALLOWANCE = PersistenceStore.CONNECTION_TIMEOUT.multipliedBy(2);

    private static final Logger LOG = LoggerFactory.getLogger(TinkCredentialCipher.class);
    private static final int MASTER_KEY_BYTES = RawAesGcm.KEY_BYTES;
    /** Binds the wrapped keyset to its purpose, so that a keyset for something else cannot stand in. */
    private static final byte[] KEYSET_ASSOCIATED_DATA = ("elements:encryption_keysets:" + PURPOSE).getBytes(UTF_8);
    /** Tink's ciphertext prefix: a version byte, then the big-endian id of the key that sealed it. */
    private static final int TINK_PREFIX_BYTES = 5;
    private static final byte TINK_START_BYTE = 1;
    private static final int PRIMARY_KEY_ATTEMPTS = 3;

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final EncryptionKeysets keysets;
    private final Aead masterKey;
    /** Tells when the copy of the keyset is old enough to check; the store's, so tests move it. */
    private final Clock clock;
    private volatile Keys keys;

    /**
     * One unwrapped keyset, ready to use; replaced as a whole when the keyset is reloaded.
     *
     * @param keyIds in the keyset's order, oldest first
     * @param version the stored row's version this was read from
     * @param checkedAtMillis when that version was last known to be the stored one
     */
    private record Keys(Aead aead, int primaryKeyId, List<Integer> keyIds, long version, long checkedAtMillis) {
        Keys checkedAt(long millis) {
            return new Keys(aead, primaryKeyId, keyIds, version, millis);
        }

        boolean holds(int keyId) {
            return keyIds.contains(keyId);
        }

        Keyset describe() {
            return new Keyset(keyIdText(primaryKeyId), keyIds.stream().map(TinkCredentialCipher::keyIdText).toList());
        }
    }

    private TinkCredentialCipher(EncryptionKeysets keysets, Aead masterKey, Clock clock, Keys keys) {
        this.keysets = keysets;
        this.masterKey = masterKey;
        this.clock = clock;
        this.keys = keys;
    }

    /**
     * Opens the stored keyset, or on an empty database generates and stores one.
     *
     * @throws PersistenceStartupException when the master key does not open the stored keyset:
     *     never is a new keyset made then, which would orphan every stored credential
     */
    static TinkCredentialCipher load(EncryptionKeysets keysets, byte[] masterKeyBytes, Clock clock) {
        requireNonNull(keysets, "keysets");
        requireNonNull(clock, "clock");
        Aead masterKey = masterKeyAead(requireNonNull(masterKeyBytes, "masterKeyBytes"));
        long readAt = clock.millis();
        StoredKeyset stored = keysets.find(PURPOSE).orElseGet(() -> createFirstKeyset(keysets, masterKey));
        try {
            return new TinkCredentialCipher(keysets, masterKey, clock, unwrap(stored, masterKey, readAt));
        } catch (GeneralSecurityException e) {
            // The key may come from the setting or from the key file: the message names both, since
            // blaming a setting the operator never made sends them looking in the wrong place.
            throw new PersistenceStartupException("The master key does not open the encryption keys stored in the"
                    + " database: it is not the master key this database was set up with (the master key is"
                    + " ELEMENTS_MASTER_KEY, or the master.key file in the data directory when that is unset)", e);
        }
    }

    @Override
    public Sealed seal(byte[] plaintext, byte[] associatedData) {
        requireNonNull(plaintext, "plaintext");
        requireNonNull(associatedData, "associatedData");
        Keys current = keysForSealing();
        try {
            return new Sealed(keyIdText(current.primaryKeyId()), current.aead().encrypt(plaintext, associatedData));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing credentials failed", e);
        }
    }

    @Override
    public byte[] open(Sealed sealed, byte[] associatedData) {
        requireNonNull(sealed, "sealed");
        requireNonNull(associatedData, "associatedData");
        int keyId = parseKeyId(sealed.keyId());
        byte[] ciphertext = sealed.ciphertext();
        // The stored key id is what a rotation searches by, so it must be the key that really sealed.
        if (ciphertext.length < TINK_PREFIX_BYTES || ciphertext[0] != TINK_START_BYTE
                || ByteBuffer.wrap(ciphertext, 1, 4).getInt() != keyId) {
            throw new UnopenableSecretException("The sealed credentials were not made with key " + sealed.keyId(),
                    null);
        }
        Keys current = keys;
        if (!current.holds(keyId)) {
            current = reloadFor(keyId);
        }
        try {
            return current.aead().decrypt(ciphertext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new UnopenableSecretException("The sealed credentials were altered or belong to another row", e);
        }
    }

    private Keys keysForSealing() {
        Keys current = keys;
        return isFresh(current, clock.millis()) ? current : recheck();
    }

    /** A clock set back counts as stale, so that a node never keeps an old copy for long. */
    private static boolean isFresh(Keys keys, long nowMillis) {
        long age = nowMillis - keys.checkedAtMillis();
        return age >= 0 && age < STORED_KEYSET_MAX_AGE.toMillis();
    }

    private synchronized Keys recheck() {
        Keys current = keys;
        long checkingAt = clock.millis();
        if (isFresh(current, checkingAt)) {
            return current;
        }
        Optional<Long> storedVersion;
        try {
            storedVersion = keysets.version(PURPOSE);
        } catch (RuntimeException e) {
            // The write that follows a seal needs the database too and reports the outage; until
            // then a copy that may be a little old still seals under a key that every node opens.
            LOG.warn("Cannot check whether the credential keyset changed: {}", e.toString());
            return current;
        }
        if (storedVersion.isPresent() && storedVersion.get() == current.version()) {
            Keys confirmed = current.checkedAt(checkingAt);
            keys = confirmed;
            return confirmed;
        }
        return reload();
    }

    private synchronized Keys reloadFor(int keyId) {
        Keys current = keys;
        if (current.holds(keyId)) {
            return current;
        }
        Keys reloaded = reload();
        if (!reloaded.holds(keyId)) {
            throw new IllegalStateException("The credentials were sealed with key " + keyIdText(keyId)
                    + ", which the stored keyset does not hold");
        }
        return reloaded;
    }

    private synchronized Keys reload() {
        long readAt = clock.millis();
        StoredKeyset stored = keysets.find(PURPOSE)
                .orElseThrow(() -> new IllegalStateException("The encryption keyset has gone from the database"));
        Keys reloaded;
        try {
            reloaded = unwrap(stored, masterKey, readAt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master key no longer opens the stored encryption keys", e);
        }
        Keys previous = keys;
        keys = reloaded;
        if (reloaded.primaryKeyId() != previous.primaryKeyId()) {
            LOG.info("Reloaded the credential keyset; primary key is now {}", keyIdText(reloaded.primaryKeyId()));
        }
        return reloaded;
    }

    /** The keyset as stored now, read afresh. */
    @Override
    public synchronized Keyset keyset() {
        return reload().describe();
    }

    /**
     * Adds a fresh AES-256-GCM key to the stored keyset and makes it primary: the first step of a
     * rotation. The row is replaced only at the version that was read, so a rotation running
     * elsewhere at the same time is never undone; losing that race, this adds its key to the
     * newer keyset instead. From here on this node seals under the new key; other nodes follow
     * within {@link #STORED_KEYSET_MAX_AGE}.
     */
    @Override
    public synchronized Keyset addPrimaryKey() {
        for (int attempt = 0; attempt < PRIMARY_KEY_ATTEMPTS; attempt++) {
            long readAt = clock.millis();
            StoredKeyset stored = keysets.find(PURPOSE)
                    .orElseThrow(() -> new IllegalStateException("The encryption keyset has gone from the database"));
            KeysetHandle rotated;
            byte[] wrapped;
            try {
                KeysetHandle current = unwrap(stored.wrappedKeyset(), masterKey);
                rotated = KeysetHandle.newBuilder(current)
                        .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                                .withRandomId()
                                .makePrimary())
                        .build();
                wrapped = wrap(rotated, masterKey);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Adding a key to the credential keyset failed: the master key "
                        + "does not open the stored keyset, or the key could not be made", e);
            }
            String primaryKeyId = keyIdText(rotated.getPrimary().getId());
            if (keysets.replace(PURPOSE, wrapped, primaryKeyId, stored.version())) {
                Keys added;
                try {
                    added = keysOf(rotated, stored.version() + 1, readAt);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("The rotated keyset was stored but cannot be used", e);
                }
                keys = added;
                LOG.info("Added key {} to the credential keyset and made it primary", primaryKeyId);
                return added.describe();
            }
        }
        throw new IllegalStateException("The credential keyset changed " + PRIMARY_KEY_ATTEMPTS
                + " times while a key was being added to it: is another rotation running?");
    }

    /** Every node checks the stored keyset that often, plus time for writes already under way. */
    @Override
    public Duration adoptionDelay() {
        return STORED_KEYSET_MAX_AGE.plus(IN_FLIGHT_ALLOWANCE);
    }

    private static StoredKeyset createFirstKeyset(EncryptionKeysets keysets, Aead masterKey) {
        try {
            KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] wrapped = wrap(fresh, masterKey);
            String primaryKeyId = keyIdText(fresh.getPrimary().getId());
            if (keysets.insertIfAbsent(PURPOSE, wrapped, primaryKeyId)) {
                LOG.info("Generated the credential keyset, primary key {}", primaryKeyId);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Generating the credential keyset failed", e);
        }
        // Whoever won a race on an empty database, everyone uses the keyset that was stored.
        return keysets.find(PURPOSE)
                .orElseThrow(() -> new IllegalStateException("The credential keyset was stored but cannot be read"));
    }

    private static KeysetHandle unwrap(byte[] wrappedKeyset, Aead masterKey) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedKeyset, masterKey, KEYSET_ASSOCIATED_DATA);
    }

    private static byte[] wrap(KeysetHandle keyset, Aead masterKey) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, masterKey, KEYSET_ASSOCIATED_DATA);
    }

    private static Keys unwrap(StoredKeyset stored, Aead masterKey, long readAtMillis)
            throws GeneralSecurityException {
        return keysOf(unwrap(stored.wrappedKeyset(), masterKey), stored.version(), readAtMillis);
    }

    private static Keys keysOf(KeysetHandle handle, long version, long readAtMillis) throws GeneralSecurityException {
        List<Integer> keyIds = new ArrayList<>();
        for (int index = 0; index < handle.size(); index++) {
            keyIds.add(handle.getAt(index).getId());
        }
        return new Keys(handle.getPrimitive(RegistryConfiguration.get(), Aead.class), handle.getPrimary().getId(),
                List.copyOf(keyIds), version, readAtMillis);
    }

    static void checkMasterKey(byte[] masterKeyBytes) {
        if (masterKeyBytes.length != MASTER_KEY_BYTES) {
            throw new IllegalArgumentException("The master key is " + MASTER_KEY_BYTES + " bytes, not "
                    + masterKeyBytes.length);
        }
    }

    private static Aead masterKeyAead(byte[] masterKeyBytes) {
        checkMasterKey(masterKeyBytes);
        return RawAesGcm.of(masterKeyBytes);
    }

    /** Tink key ids are unsigned 32-bit numbers. */
    static String keyIdText(int keyId) {
        return Integer.toUnsignedString(keyId);
    }

    private static int parseKeyId(String keyId) {
        try {
            return Integer.parseUnsignedInt(keyId);
        } catch (NumberFormatException e) {
            throw new UnopenableSecretException("Not sealed by this cipher: key " + keyId, e);
        }
    }
}
