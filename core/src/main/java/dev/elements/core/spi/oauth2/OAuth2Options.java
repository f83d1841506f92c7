package dev.elements.core.spi.oauth2;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What differs between providers' OAuth2 within the standard.
 *
 * @param pkce whether authorization uses PKCE (RFC 7636, S256); the platform keeps the verifier
 * @param clientAuthentication how the application authenticates at the token endpoint
 * @param scopeSeparator how the provider separates scopes in the authorization URL ({@code " "} in
 *     RFC 6749; Facebook uses {@code ","})
 * @param extraAuthorizationParameters sent with every authorization URL (such as
 *     {@code access_type=offline}); they never override the standard ones
 */
public record OAuth2Options(boolean pkce, ClientAuthentication clientAuthentication, String scopeSeparator,
        Map<String, String> extraAuthorizationParameters) {

    public OAuth2Options {
        requireNonNull(clientAuthentication, "clientAuthentication");
        requireNonNull(scopeSeparator, "scopeSeparator");
        extraAuthorizationParameters = Map.copyOf(extraAuthorizationParameters);
        if (scopeSeparator.isEmpty()) {
            throw new IllegalArgumentException("A scope separator is at least one character");
        }
    }

    /** RFC 6749 as written: no PKCE, secret in the body, scopes separated by spaces. */
    public static OAuth2Options standard() {
        return new OAuth2Options(false, ClientAuthentication.CLIENT_SECRET_POST, " ", Map.of());
    }

    public OAuth2Options withPkce() {
        return new OAuth2Options(true, clientAuthentication, scopeSeparator, extraAuthorizationParameters);
    }

    public OAuth2Options with(ClientAuthentication authentication) {
        return new OAuth2Options(pkce, authentication, scopeSeparator, extraAuthorizationParameters);
    }

    public OAuth2Options withScopeSeparator(String separator) {
        return new OAuth2Options(pkce, clientAuthentication, separator, extraAuthorizationParameters);
    }

    public OAuth2Options withAuthorizationParameters(Map<String, String> parameters) {
        return new OAuth2Options(pkce, clientAuthentication, scopeSeparator, parameters);
    }
}
