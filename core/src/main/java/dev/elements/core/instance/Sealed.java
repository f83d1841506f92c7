package dev.elements.core.instance;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A ciphertext and the id of the key that made it, so that keys can rotate: storage keeps both,
 * and a rotation can find every ciphertext still under an old key.
 */
public record Sealed(String keyId, byte[] ciphertext) {
    public Sealed {
        requireNonNull(keyId, "keyId");
        ciphertext = requireNonNull(ciphertext, "ciphertext").clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sealed that && keyId.equals(that.keyId) && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "Sealed[keyId=" + keyId + ", bytes=" + ciphertext.length + "]";
    }
}
