package dev.elements.core.port.in;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * The provider's redirect to {@code /connect/callback}: a code, or an {@code error} when the person
 * refused, with the {@code state} of the login either way.
 *
 * @param state the login's state, or null when the provider sent none
 * @param code the code, or null
 * @param error the provider's {@code error}, or null
 * @param callbackUrl this callback's address, the redirect URI the code is bound to
 */
public record ConnectCallbackCommand(String state, String code, String error, URI callbackUrl) {
    public ConnectCallbackCommand {
        requireNonNull(callbackUrl, "callbackUrl");
    }
}
