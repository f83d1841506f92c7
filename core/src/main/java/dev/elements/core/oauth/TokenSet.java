package dev.elements.core.oauth;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The provider credentials of one instance. {@link #toString()} never shows the tokens, so a token
 * set can appear in a log statement or an exception by mistake without leaking.
 *
 * @param accessToken the token sent to the provider
 * @param refreshToken the refresh token, for providers that issue one; may be null
 * @param expiresAt when the access token stops working; null when the provider did not say
 * @param scopes the permissions granted
 * @param providerUserId the provider's id of the user who authorized; may be null
 */
public record TokenSet(
        String accessToken, String refreshToken, Instant expiresAt, List<String> scopes, String providerUserId) {
    /** Not a token any provider issues: it has a space, which no bearer token may hold (RFC 6750). */
    private static final String REMOVED = "removed at the user's request";

    public TokenSet {
        requireNonNull(accessToken, "accessToken");
        scopes = List.copyOf(scopes);
        if (accessToken.isBlank()) {
            throw new IllegalArgumentException("An access token may not be blank");
        }
    }

    /**
     * What stands where credentials were deleted at the provider user's request: no token of the
     * provider's, so an instance keeps its other secrets (the application's own credentials) until
     * the user authorizes again, which replaces it.
     */
    public static TokenSet removed() {
        return new TokenSet(REMOVED, null, null, List.of(), null);
    }

    /** Whether these are {@link #removed()} credentials rather than the provider's. */
    public boolean isRemoved() {
        return REMOVED.equals(accessToken) && refreshToken == null;
    }

    public Optional<String> refreshTokenIfAny() {
        return Optional.ofNullable(refreshToken);
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<String> providerUser() {
        return Optional.ofNullable(providerUserId);
    }

    @Override
    public String toString() {
        return "TokenSet[accessToken=********, refreshToken=" + (refreshToken == null ? "none" : "********")
                + ", expiresAt=" + expiresAt + ", scopes=" + scopes + ", providerUserId=" + providerUserId + "]";
    }
}
