package dev.elements.core.port.in;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/** The provider's login URL for one application, and the element it belongs to. */
public record AuthorizationUrl(URI oauthUrl, String element) {
    public AuthorizationUrl {
        requireNonNull(oauthUrl, "oauthUrl");
        requireNonNull(element, "element");
    }
}
