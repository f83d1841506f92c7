package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import dev.elements.core.port.out.PageTokenSealer;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * Seals hub page tokens with Tink's AES-256-GCM under one raw key that every node derives alike
 * from the master key, so that a token issued by one node opens on any other. Page tokens live an
 * hour and carry no credentials, so the key is not rotated like the credential keys.
 */
public final class TinkPageTokenSealer implements PageTokenSealer {
    private static final int KEY_BYTES = 32;

    private final Aead aead;

    /** @param key 32 bytes, the same on every node */
    public TinkPageTokenSealer(byte[] key) {
        if (requireNonNull(key, "key").length != KEY_BYTES) {
            throw new IllegalArgumentException("A page token key is " + KEY_BYTES + " bytes");
        }
        try {
            // No prefix: a single raw key, not a member of a keyset.
            AesGcmParameters parameters = AesGcmParameters.builder()
                    .setKeySizeBytes(KEY_BYTES)
                    .setIvSizeBytes(12)
                    .setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                    .build();
            this.aead = AesGcmJce.create(AesGcmKey.builder()
                    .setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
                    .build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this Java runtime", e);
        }
    }

    @Override
    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        try {
            return aead.encrypt(plaintext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM failed to encrypt", e);
        }
    }

    @Override
    public Optional<byte[]> open(byte[] sealed, byte[] associatedData) {
        try {
            return Optional.of(aead.decrypt(sealed, associatedData));
        } catch (GeneralSecurityException altered) {
            return Optional.empty();
        }
    }
}
