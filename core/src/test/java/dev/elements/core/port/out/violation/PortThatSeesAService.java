package dev.elements.core.port.out.violation;

import dev.elements.core.service.CredentialVault;

/** Deliberately wrong, for {@code CoreArchitectureTest}: a port that knows a service. */
public interface PortThatSeesAService {
    void store(CredentialVault vault);
}
