package dev.elements.persistence.violation;

import dev.elements.core.service.CredentialVault;

/** Deliberately wrong, for {@code ArchitectureTest}: storage that reaches into core's services. */
public final class StoreThatSealsWithTheVault {
    private CredentialVault vault;
}
