package dev.elements.core.port.out;

import dev.elements.core.instance.Sealed;

/**
 * Authenticated encryption for stored credentials. The associated data binds a ciphertext to the
 * row it belongs to ({@code organization|instance}), so a ciphertext copied into another row fails
 * to open instead of handing one organization's tokens to another.
 */
public interface CredentialCipher {
    Sealed seal(byte[] plaintext, byte[] associatedData);

    /**
     * @throws IllegalStateException when the ciphertext was altered, belongs to other associated
     *     data or was made with a key this cipher does not have
     */
    byte[] open(Sealed sealed, byte[] associatedData);
}
