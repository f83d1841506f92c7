package dev.elements.core.port.in;

import dev.elements.core.connect.ConnectFailure;
import dev.elements.core.instance.InstanceId;

/**
 * How a login that came back to {@code /connect/callback} ended.
 *
 * @param sessionId the session the state belonged to, or null when it belonged to none
 * @param redirectUrl where the browser goes, or null when no session is known
 * @param instance the instance made, or null when it failed
 * @param failure why it failed, or null when it connected
 */
public record ConnectOutcome(String sessionId, String redirectUrl, InstanceId instance, ConnectFailure failure) {
    public ConnectOutcome {
        if ((instance == null) == (failure == null)) {
            throw new IllegalArgumentException("A connect outcome is an instance or a failure");
        }
        if ((sessionId == null) != (redirectUrl == null)) {
            throw new IllegalArgumentException("A known session has a redirect URL");
        }
    }
}
