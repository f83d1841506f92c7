package dev.elements.core.port.in;

import static java.util.Objects.requireNonNull;

import dev.elements.core.connect.ConnectFailure;
import dev.elements.core.connect.ConnectSessionStatus;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What the connect page shows the person asked to connect.
 *
 * @param status the session's status; an expired pending session is {@code FAILED}
 * @param failure why it failed, or null
 * @param elementName the element's name, such as "Facebook"
 * @param organizationName the organization whose application asks
 * @param scopes the permissions asked for, in the provider's notation
 * @param loginUrl the provider's login, while the session is pending; else null
 * @param redirectUrl where the browser goes when it is over
 */
public record ConnectPage(ConnectSessionStatus status, ConnectFailure failure, String elementName,
        String organizationName, List<String> scopes, URI loginUrl, String redirectUrl, Instant expiresAt) {
    public ConnectPage {
        requireNonNull(status, "status");
        requireNonNull(elementName, "elementName");
        requireNonNull(organizationName, "organizationName");
        scopes = List.copyOf(scopes);
        requireNonNull(redirectUrl, "redirectUrl");
        requireNonNull(expiresAt, "expiresAt");
    }
}
