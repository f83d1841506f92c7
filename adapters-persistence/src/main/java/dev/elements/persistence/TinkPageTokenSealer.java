package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.Aead;
import dev.elements.core.port.out.PageTokenSealer;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * Seals hub page tokens with Tink's AES-256-GCM under one raw key that every node derives alike
 * from the master key, so that a token issued by one node opens on any other. Page tokens live an
 * hour and carry no credentials, so the key is not rotated like the credential keys.
 */
public final class TinkPageTokenSealer implements PageTokenSealer {
    private final Aead aead;

    /** @param key 32 bytes, the same on every node */
    public TinkPageTokenSealer(byte[] key) {
        this.aead = RawAesGcm.of(requireNonNull(key, "key"));
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
