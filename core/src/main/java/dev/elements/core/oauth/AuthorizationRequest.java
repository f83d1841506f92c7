package dev.elements.core.oauth;

import static java.util.Objects.requireNonNull;

/**
 * What an application asks for when it wants the provider's login URL. The application's secret
 * is deliberately absent: a login URL never needs it.
 *
 * @param apiKey the application's id at the provider
 * @param callbackUrl where the provider sends the user back, byte for byte as registered
 * @param scope the permissions to ask for, in the element's own notation
 * @param state the opaque value the provider returns with the code
 * @param codeChallenge the PKCE challenge (S256) to send, for elements that use PKCE; else null.
 *     The verifier behind it stays on the platform until the code comes back
 */
public record AuthorizationRequest(String apiKey, String callbackUrl, String scope, String state,
        String codeChallenge) {
    public AuthorizationRequest {
        requireNonNull(apiKey, "apiKey");
        requireNonNull(callbackUrl, "callbackUrl");
        requireNonNull(scope, "scope");
        requireNonNull(state, "state");
    }

    /** A request without PKCE. */
    public AuthorizationRequest(String apiKey, String callbackUrl, String scope, String state) {
        this(apiKey, callbackUrl, scope, state, null);
    }
}
