package dev.elements.persistence;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;

/** AES-256-GCM under one raw 32-byte key (the master key, or a key derived from it), through Tink. */
final class RawAesGcm {
    static final int KEY_BYTES = 32;

    private RawAesGcm() {
    }

    static Aead of(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The key is " + KEY_BYTES + " bytes, not " + key.length);
        }
        try {
            // No prefix: a single raw key, not a member of a keyset.
            AesGcmParameters parameters = AesGcmParameters.builder()
                    .setKeySizeBytes(KEY_BYTES)
                    .setIvSizeBytes(12)
                    .setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                    .build();
            return AesGcmJce.create(AesGcmKey.builder()
                    .setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
                    .build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this Java runtime", e);
        }
    }
}
