package dev.elements.core.service;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.ManageCredentialKeysUseCase;
import dev.elements.core.port.out.CredentialKeys;
import java.lang.System.Logger.Level;

/** Rotates the credential keys on the operator's request; one rotation at a time per node. */
public final class CredentialKeyService implements ManageCredentialKeysUseCase {
    private static final System.Logger LOG = System.getLogger(CredentialKeyService.class.getName());

    private final CredentialKeys keys;

    /** @param keys the storage's key management, or null when it has none */
    public CredentialKeyService(CredentialKeys keys) {
        this.keys = keys;
    }

    @Override
    public synchronized CredentialKeys.Rotation rotate() {
        CredentialKeys.Rotation rotation = available().rotate();
        LOG.log(Level.INFO, "Rotated the credential keys: {0} is primary (was {1}); {2} secrets re-encrypted",
                rotation.primaryKeyId(), rotation.previousPrimaryKeyId(), rotation.secretsReencrypted());
        return rotation;
    }

    @Override
    public CredentialKeys.Inventory inventory() {
        return available().inventory();
    }

    private CredentialKeys available() {
        if (keys == null) {
            throw new PlatformException(ErrorCode.RESOURCE_NOT_FOUND, "This storage has no credential keys to manage");
        }
        return keys;
    }
}
