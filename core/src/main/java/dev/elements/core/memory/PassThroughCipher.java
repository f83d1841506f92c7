package dev.elements.core.memory;

import dev.elements.core.port.out.CredentialCipher;
import dev.elements.core.port.out.UnopenableSecretException;
import dev.elements.core.instance.Sealed;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Does not encrypt: for tests and for embedding hosts whose storage is already protected. It does
 * keep the binding to the associated data, so code that moves ciphertexts between rows fails here
 * just as it would with real encryption.
 */
public final class PassThroughCipher implements CredentialCipher {
    public static final String KEY_ID = "plaintext";

    @Override
    public Sealed seal(byte[] plaintext, byte[] associatedData) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + associatedData.length + plaintext.length);
        buffer.putInt(associatedData.length).put(associatedData).put(plaintext);
        return new Sealed(KEY_ID, buffer.array());
    }

    @Override
    public byte[] open(Sealed sealed, byte[] associatedData) {
        if (!KEY_ID.equals(sealed.keyId())) {
            throw new UnopenableSecretException("Not sealed by this cipher: key " + sealed.keyId(), null);
        }
        ByteBuffer buffer = ByteBuffer.wrap(sealed.ciphertext());
        int length = buffer.getInt();
        byte[] boundTo = new byte[length];
        buffer.get(boundTo);
        if (!MessageDigest.isEqual(boundTo, associatedData)) {
            throw new UnopenableSecretException("Sealed value belongs to another row", null);
        }
        return Arrays.copyOfRange(sealed.ciphertext(), 4 + length, sealed.ciphertext().length);
    }
}
