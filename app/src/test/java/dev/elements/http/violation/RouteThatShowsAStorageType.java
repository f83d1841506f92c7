package dev.elements.http.violation;

import dev.elements.core.port.out.CredentialKeyStore;

/** Deliberately wrong, for {@code ArchitectureTest}: an inbound adapter that sees an outbound port. */
public final class RouteThatShowsAStorageType {
    private CredentialKeyStore.Keyset shown;
}
