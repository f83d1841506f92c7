package dev.elements.core.spi.event;

import dev.elements.core.instance.Configuration;
import java.util.Optional;

/**
 * Signed notices a provider sends about one of its users: that the user removed the application
 * (deauthorization), or asked for their data to be deleted. Facebook sends both as a form field
 * {@code signed_request}. The platform finds the instances of the account the notice names, and
 * acts only when the notice is signed with one of those instances' application credentials.
 */
public interface AccountNotices {
    /**
     * The provider account the notice names, read without trusting it yet.
     *
     * @return empty when the notice names no user (a page uninstall, for Facebook)
     * @throws dev.elements.core.error.PlatformException {@code MALFORMED_REQUEST} when it is not a notice
     */
    Optional<String> account(String signedNotice);

    /**
     * Whether the notice is signed with the application credentials in {@code configuration} (an
     * instance's effective configuration, secrets included), with an algorithm the element accepts.
     * Compare in constant time.
     */
    boolean authentic(String signedNotice, Configuration configuration);
}
