package dev.elements.core.port.in;

import static java.util.Objects.requireNonNull;

import dev.elements.core.connect.ConnectFailure;
import dev.elements.core.connect.ConnectSessionStatus;
import java.time.Instant;

/**
 * A connect session as its organization reads it.
 *
 * @param status an expired pending session is {@code FAILED}
 * @param failure why it failed, or null
 * @param instance the instance made, or null; its element token in full on the first read after
 *     connecting only
 */
public record ConnectSessionState(String id, ConnectSessionStatus status, ConnectFailure failure,
        InstanceDescription instance, Instant expiresAt) {
    public ConnectSessionState {
        requireNonNull(id, "id");
        requireNonNull(status, "status");
        requireNonNull(expiresAt, "expiresAt");
    }
}
