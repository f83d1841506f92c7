package dev.elements.core.port.out;

import java.util.Optional;

/**
 * Seals hub page tokens so that clients can neither read nor alter them: authenticated encryption
 * with associated data. Core decides what a token holds and what it is bound to; the sealer only
 * keeps it secret and intact. Every node that should accept another's tokens seals with the same key.
 */
public interface PageTokenSealer {
    /** The plaintext encrypted and bound to {@code associatedData}; a fresh nonce each time. */
    byte[] seal(byte[] plaintext, byte[] associatedData);

    /**
     * The plaintext, or empty when {@code sealed} was not sealed by this key for this associated
     * data, or was altered. Never throws for a bad token: page tokens come from clients.
     */
    Optional<byte[]> open(byte[] sealed, byte[] associatedData);
}
