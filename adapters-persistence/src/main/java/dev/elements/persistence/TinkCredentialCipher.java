package dev.elements.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import dev.elements.core.port.out.CredentialCipher;
import dev.elements.core.port.out.Sealed;
import dev.elements.persistence.EncryptionKeysets.StoredKeyset;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Envelope encryption of stored credentials. A Tink AES-256-GCM keyset encrypts the credentials;
 * the keyset itself lives in the database, encrypted ("wrapped") under the operator's 32-byte
 * master key, so that a copy of the database alone opens nothing and several nodes share one
 * keyset.
 *
 * <p>Key ids make rotation possible without a flag day: a rotation adds a key to the stored
 * keyset, makes it primary and re-encrypts the rows whose {@code secrets_key_id} names an older
 * key. A node that meets a key id it does not know reloads the keyset once, because another node
 * may have rotated meanwhile.
 */
public final class TinkCredentialCipher implements CredentialCipher {
    /** The keyset row this cipher uses. */
    static final String PURPOSE = "credentials";

    private static final Logger LOG = LoggerFactory.getLogger(TinkCredentialCipher.class);
    private static final int MASTER_KEY_BYTES = 32;
    /** Binds the wrapped keyset to its purpose, so that a keyset for something else cannot stand in. */
    private static final byte[] KEYSET_ASSOCIATED_DATA = ("elements:encryption_keysets:" + PURPOSE).getBytes(UTF_8);
    /** Tink's ciphertext prefix: a version byte, then the big-endian id of the key that sealed it. */
    private static final int TINK_PREFIX_BYTES = 5;
    private static final byte TINK_START_BYTE = 1;

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final EncryptionKeysets keysets;
    private final Aead masterKey;
    private volatile Keys keys;

    /** One unwrapped keyset, ready to use; replaced as a whole when the keyset is reloaded. */
    private record Keys(Aead aead, int primaryKeyId, Set<Integer> keyIds) {
    }

    private TinkCredentialCipher(EncryptionKeysets keysets, Aead masterKey, Keys keys) {
        this.keysets = keysets;
        this.masterKey = masterKey;
        this.keys = keys;
    }

    /**
     * Opens the stored keyset, or on an empty database generates and stores one.
     *
     * @throws PersistenceStartupException when the master key does not open the stored keyset:
     *     never is a new keyset made then, which would orphan every stored credential
     */
    static TinkCredentialCipher load(EncryptionKeysets keysets, byte[] masterKeyBytes) {
        requireNonNull(keysets, "keysets");
        Aead masterKey = masterKeyAead(requireNonNull(masterKeyBytes, "masterKeyBytes"));
        StoredKeyset stored = keysets.find(PURPOSE).orElseGet(() -> createFirstKeyset(keysets, masterKey));
        try {
            return new TinkCredentialCipher(keysets, masterKey, unwrap(stored, masterKey));
        } catch (GeneralSecurityException e) {
            throw new PersistenceStartupException("ELEMENTS_MASTER_KEY does not open the encryption keys stored in "
                    + "the database: it is not the master key this database was set up with", e);
        }
    }

    @Override
    public Sealed seal(byte[] plaintext, byte[] associatedData) {
        requireNonNull(plaintext, "plaintext");
        requireNonNull(associatedData, "associatedData");
        Keys current = keys;
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
            throw new IllegalStateException("The sealed credentials were not made with key " + sealed.keyId());
        }
        Keys current = keys;
        if (!current.keyIds().contains(keyId)) {
            current = reloadFor(keyId);
        }
        try {
            return current.aead().decrypt(ciphertext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The sealed credentials were altered or belong to another row", e);
        }
    }

    private synchronized Keys reloadFor(int keyId) {
        Keys current = keys;
        if (current.keyIds().contains(keyId)) {
            return current;
        }
        StoredKeyset stored = keysets.find(PURPOSE)
                .orElseThrow(() -> new IllegalStateException("The encryption keyset has gone from the database"));
        Keys reloaded;
        try {
            reloaded = unwrap(stored, masterKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master key no longer opens the stored encryption keys", e);
        }
        if (!reloaded.keyIds().contains(keyId)) {
            throw new IllegalStateException("The credentials were sealed with key " + keyIdText(keyId)
                    + ", which the stored keyset does not hold");
        }
        keys = reloaded;
        LOG.info("Reloaded the credential keyset; primary key is now {}", keyIdText(reloaded.primaryKeyId()));
        return reloaded;
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

    /**
     * The stored keyset opened with the master key: where a key rotation starts (add a key, make it
     * primary, {@link #wrapKeyset wrap} it and {@link EncryptionKeysets#replace replace} the row).
     */
    static KeysetHandle unwrapKeyset(byte[] wrappedKeyset, byte[] masterKeyBytes) throws GeneralSecurityException {
        return unwrap(wrappedKeyset, masterKeyAead(masterKeyBytes));
    }

    static byte[] wrapKeyset(KeysetHandle keyset, byte[] masterKeyBytes) throws GeneralSecurityException {
        return wrap(keyset, masterKeyAead(masterKeyBytes));
    }

    private static KeysetHandle unwrap(byte[] wrappedKeyset, Aead masterKey) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedKeyset, masterKey, KEYSET_ASSOCIATED_DATA);
    }

    private static byte[] wrap(KeysetHandle keyset, Aead masterKey) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, masterKey, KEYSET_ASSOCIATED_DATA);
    }

    private static Keys unwrap(StoredKeyset stored, Aead masterKey) throws GeneralSecurityException {
        KeysetHandle handle = unwrap(stored.wrappedKeyset(), masterKey);
        Set<Integer> keyIds = new HashSet<>();
        for (int index = 0; index < handle.size(); index++) {
            keyIds.add(handle.getAt(index).getId());
        }
        return new Keys(handle.getPrimitive(RegistryConfiguration.get(), Aead.class), handle.getPrimary().getId(),
                Set.copyOf(keyIds));
    }

    static void checkMasterKey(byte[] masterKeyBytes) {
        if (masterKeyBytes.length != MASTER_KEY_BYTES) {
            throw new IllegalArgumentException("The master key is " + MASTER_KEY_BYTES + " bytes, not "
                    + masterKeyBytes.length);
        }
    }

    private static Aead masterKeyAead(byte[] masterKeyBytes) {
        checkMasterKey(masterKeyBytes);
        try {
            // No prefix: the master key is a single raw key, not a member of a keyset.
            AesGcmParameters parameters = AesGcmParameters.builder()
                    .setKeySizeBytes(MASTER_KEY_BYTES)
                    .setIvSizeBytes(12)
                    .setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                    .build();
            return AesGcmJce.create(AesGcmKey.builder()
                    .setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(masterKeyBytes, InsecureSecretKeyAccess.get()))
                    .build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this Java runtime", e);
        }
    }

    /** Tink key ids are unsigned 32-bit numbers. */
    static String keyIdText(int keyId) {
        return Integer.toUnsignedString(keyId);
    }

    private static int parseKeyId(String keyId) {
        try {
            return Integer.parseUnsignedInt(keyId);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Not sealed by this cipher: key " + keyId);
        }
    }
}
