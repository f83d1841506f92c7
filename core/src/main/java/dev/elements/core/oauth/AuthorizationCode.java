package dev.elements.core.oauth;

import static java.util.Objects.requireNonNull;

/**
 * What the platform hands a plugin to trade for credentials: the code from the provider's callback
 * and, for elements that use PKCE (RFC 7636), the verifier the platform kept since it built the
 * authorization URL. {@link #toString()} shows neither, since both are secrets until used.
 *
 * @param code the code from the callback
 * @param codeVerifier the PKCE verifier; null when the element does not use PKCE
 */
public record AuthorizationCode(String code, String codeVerifier) {
    public AuthorizationCode {
        requireNonNull(code, "code");
    }

    /** A code without PKCE. */
    public static AuthorizationCode of(String code) {
        return new AuthorizationCode(code, null);
    }

    @Override
    public String toString() {
        return "AuthorizationCode[code=********, pkce=" + (codeVerifier != null) + "]";
    }
}
