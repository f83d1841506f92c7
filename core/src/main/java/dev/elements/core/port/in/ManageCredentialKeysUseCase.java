package dev.elements.core.port.in;

import dev.elements.core.port.out.CredentialKeys;

/**
 * The operator's key rotation, inside a running server (for a database only that server can open,
 * such as the embedded one). Callers authenticate the operator first.
 */
public interface ManageCredentialKeysUseCase {
    /** @throws dev.elements.core.error.PlatformException {@code RESOURCE_NOT_FOUND} when storage has no key management */
    CredentialKeys.Rotation rotate();

    CredentialKeys.Inventory inventory();
}
