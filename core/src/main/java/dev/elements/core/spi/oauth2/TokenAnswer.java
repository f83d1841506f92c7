package dev.elements.core.spi.oauth2;

import static java.util.Objects.requireNonNull;

import dev.elements.core.json.JsonObject;
import dev.elements.core.oauth.TokenSet;
import java.time.Instant;
import java.util.List;

/**
 * A successful token endpoint answer (RFC 6749 section 5.1). {@link #toString()} shows no token.
 *
 * @param accessToken the access token
 * @param refreshToken the refresh token, when the provider issued one; null otherwise
 * @param expiresAt when the access token expires, from {@code expires_in}; null when not said
 * @param scopes the scopes granted; those asked for when the provider did not say
 * @param body the whole answer, for members a plugin needs beyond the standard ones
 */
public record TokenAnswer(String accessToken, String refreshToken, Instant expiresAt, List<String> scopes,
        JsonObject body) {

    public TokenAnswer {
        requireNonNull(accessToken, "accessToken");
        requireNonNull(body, "body");
        scopes = List.copyOf(scopes);
    }

    /** The credentials of a new instance. */
    public TokenSet toTokenSet(String providerUserId) {
        return new TokenSet(accessToken, refreshToken, expiresAt, scopes, providerUserId);
    }

    /**
     * The credentials after a refresh. A provider that rotates refresh tokens sends a new one, which
     * replaces the spent one; one that does not may leave it out, and the current one stays. The
     * user never changes.
     */
    public TokenSet renewing(TokenSet current) {
        return new TokenSet(accessToken, refreshToken != null ? refreshToken : current.refreshToken(), expiresAt,
                scopes.isEmpty() ? current.scopes() : scopes, current.providerUserId());
    }

    @Override
    public String toString() {
        return "TokenAnswer[accessToken=********, refreshToken=" + (refreshToken == null ? "none" : "********")
                + ", expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
    }
}
