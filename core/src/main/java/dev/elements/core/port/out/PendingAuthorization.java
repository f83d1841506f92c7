package dev.elements.core.port.out;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementKey;
import dev.elements.core.instance.Sealed;
import java.time.Instant;

/**
 * A login under way for an element that uses PKCE: its sealed verifier, waiting for the code.
 *
 * @param state the {@code state} the login URL carried, which the application passes back
 * @param verifier the PKCE verifier, sealed and bound to the element and state
 */
public record PendingAuthorization(ElementKey element, String state, Sealed verifier, Instant createdAt,
        Instant expiresAt) {
    public PendingAuthorization {
        requireNonNull(element, "element");
        requireNonNull(state, "state");
        requireNonNull(verifier, "verifier");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether it can no longer be used at {@code now}. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
