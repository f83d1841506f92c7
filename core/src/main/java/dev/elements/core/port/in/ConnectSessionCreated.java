package dev.elements.core.port.in;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A new connect session: its id (the page's address) and when its login stops working. */
public record ConnectSessionCreated(String id, Instant expiresAt) {
    public ConnectSessionCreated {
        requireNonNull(id, "id");
        requireNonNull(expiresAt, "expiresAt");
    }
}
