package dev.elements.core.port.in;

/**
 * The operator's key rotation: a new key seals the stored credentials, and every secret an older
 * key sealed is sealed again under it. Callers authenticate the operator first.
 */
public interface ManageCredentialKeysUseCase {
    /**
     * Adds a new primary key and moves every stored secret to it. Running it again rotates again;
     * after an interrupted run it also finishes what that run left.
     *
     * @throws dev.elements.core.error.PlatformException {@code RESOURCE_NOT_FOUND} when storage has no key management
     * @throws IllegalStateException when secrets under older keys kept being rewritten, or the wait
     *     for the nodes was interrupted; the new key is primary by then, and rotating again finishes
     */
    KeyRotationReport rotate();

    /** Which keys there are and how many stored secrets each sealed; changes nothing. */
    KeyInventory inventory();
}
