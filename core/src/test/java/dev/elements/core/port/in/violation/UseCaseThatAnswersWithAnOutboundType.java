package dev.elements.core.port.in.violation;

import dev.elements.core.port.out.CredentialKeyStore;

/** Deliberately wrong, for {@code CoreArchitectureTest}: a use case that hands out a port.out type. */
public interface UseCaseThatAnswersWithAnOutboundType {
    CredentialKeyStore.Keyset keyset();
}
