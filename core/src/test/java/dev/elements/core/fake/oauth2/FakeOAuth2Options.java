package dev.elements.core.fake.oauth2;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * How a fake provider behaves; start from {@link #defaults()} and change what the real provider does differently.
 *
 * @param clientAuthentications the client authentication methods the token endpoint accepts
 * @param pkceRequired whether the authorization request must carry an S256 {@code code_challenge}; PKCE sent when
 *                     not required is still checked. {@code plain} is always refused.
 * @param accessTokenLifetime how long access tokens work, or {@code null} for never expiring (no {@code expires_in})
 * @param refreshTokens whether refresh tokens are issued, and whether they rotate
 * @param refreshNeedsOfflineAccess whether a refresh token is issued only when scope {@code offline.access} is granted
 * @param scopeSeparator what separates scopes in {@code scope} parameters and answers
 * @param authorizePath the path of the authorization endpoint
 * @param tokenPath the path of the token endpoint
 * @param invalidBearerToken the answer to a protected call without a usable bearer token
 * @param tokenAnswer adds provider-specific members to every successful token answer
 * @param tokenError reshapes every refusal of the token endpoint (GitHub answers them with HTTP 200)
 */
public record FakeOAuth2Options(Set<ClientAuthentication> clientAuthentications, boolean pkceRequired,
                                Duration accessTokenLifetime, RefreshTokens refreshTokens,
                                boolean refreshNeedsOfflineAccess, String scopeSeparator, String authorizePath,
                                String tokenPath, Supplier<FakeResponse> invalidBearerToken,
                                UnaryOperator<FakeJson> tokenAnswer, UnaryOperator<FakeResponse> tokenError) {

    public FakeOAuth2Options {
        if (clientAuthentications.isEmpty()) {
            throw new IllegalArgumentException("At least one client authentication method must be accepted");
        }
        clientAuthentications = Set.copyOf(clientAuthentications);
        if (accessTokenLifetime != null && (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero())) {
            throw new IllegalArgumentException("An access token lifetime must be positive: " + accessTokenLifetime);
        }
        Objects.requireNonNull(refreshTokens, "refreshTokens");
        if (Objects.requireNonNull(scopeSeparator, "scopeSeparator").isEmpty()) {
            throw new IllegalArgumentException("The scope separator cannot be empty");
        }
        requirePath(authorizePath);
        requirePath(tokenPath);
        Objects.requireNonNull(invalidBearerToken, "invalidBearerToken");
        Objects.requireNonNull(tokenAnswer, "tokenAnswer");
        Objects.requireNonNull(tokenError, "tokenError");
    }

    /**
     * RFC 6749 as most providers run it: both client authentication methods, PKCE optional, one-hour access tokens,
     * reusable refresh tokens, space-separated scopes, {@code /oauth/authorize} and {@code /oauth/token}, and RFC
     * 6750's 401 for a bad bearer token.
     */
    public static FakeOAuth2Options defaults() {
        return new FakeOAuth2Options(EnumSet.allOf(ClientAuthentication.class), false, Duration.ofHours(1),
                RefreshTokens.REUSABLE, false, " ", "/oauth/authorize", "/oauth/token",
                FakeOAuth2Options::rfc6750InvalidToken, UnaryOperator.identity(), UnaryOperator.identity());
    }

    public FakeOAuth2Options withClientAuthentications(ClientAuthentication first, ClientAuthentication... more) {
        return new FakeOAuth2Options(EnumSet.of(first, more), pkceRequired, accessTokenLifetime, refreshTokens,
                refreshNeedsOfflineAccess, scopeSeparator, authorizePath, tokenPath, invalidBearerToken, tokenAnswer,
                tokenError);
    }

    public FakeOAuth2Options withPkceRequired(boolean required) {
        return new FakeOAuth2Options(clientAuthentications, required, accessTokenLifetime, refreshTokens,
                refreshNeedsOfflineAccess, scopeSeparator, authorizePath, tokenPath, invalidBearerToken, tokenAnswer,
                tokenError);
    }

    public FakeOAuth2Options withAccessTokenLifetime(Duration lifetime) {
        return new FakeOAuth2Options(clientAuthentications, pkceRequired, lifetime, refreshTokens,
                refreshNeedsOfflineAccess, scopeSeparator, authorizePath, tokenPath, invalidBearerToken, tokenAnswer,
                tokenError);
    }

    public FakeOAuth2Options withRefreshTokens(RefreshTokens refresh) {
        return new FakeOAuth2Options(clientAuthentications, pkceRequired, accessTokenLifetime, refresh,
                refreshNeedsOfflineAccess, scopeSeparator, authorizePath, tokenPath, invalidBearerToken, tokenAnswer,
                tokenError);
    }

    public FakeOAuth2Options withRefreshNeedsOfflineAccess(boolean needed) {
        return new FakeOAuth2Options(clientAuthentications, pkceRequired, accessTokenLifetime, refreshTokens,
                needed, scopeSeparator, authorizePath, tokenPath, invalidBearerToken, tokenAnswer,
                tokenError);
    }

    public FakeOAuth2Options withScopeSeparator(String separator) {
        return new FakeOAuth2Options(clientAuthentications, pkceRequired, accessTokenLifetime, refreshTokens,
                refreshNeedsOfflineAccess, separator, authorizePath, tokenPath, invalidBearerToken, tokenAnswer,
                tokenError);
    }

    public FakeOAuth2Options withPaths(String authorize, String token) {
        return new FakeOAuth2Options(clientAuthentications, pkceRequired, accessTokenLifetime, refreshTokens,
                refreshNeedsOfflineAccess, scopeSeparator, authorize, token, invalidBearerToken, tokenAnswer,
                tokenError);
    }

    public FakeOAuth2Options withInvalidBearerToken(Supplier<FakeResponse> answer) {
        return new FakeOAuth2Options(clientAuthentications, pkceRequired, accessTokenLifetime, refreshTokens,
                refreshNeedsOfflineAccess, scopeSeparator, authorizePath, tokenPath, answer, tokenAnswer,
                tokenError);
    }

    public FakeOAuth2Options withTokenAnswer(UnaryOperator<FakeJson> extraMembers) {
        return new FakeOAuth2Options(clientAuthentications, pkceRequired, accessTokenLifetime, refreshTokens,
                refreshNeedsOfflineAccess, scopeSeparator, authorizePath, tokenPath, invalidBearerToken, extraMembers,
                tokenError);
    }

    public FakeOAuth2Options withTokenError(UnaryOperator<FakeResponse> reshape) {
        return new FakeOAuth2Options(clientAuthentications, pkceRequired, accessTokenLifetime, refreshTokens,
                refreshNeedsOfflineAccess, scopeSeparator, authorizePath, tokenPath, invalidBearerToken, tokenAnswer,
                reshape);
    }

    private static void requirePath(String path) {
        if (Objects.requireNonNull(path, "path").isEmpty() || path.charAt(0) != '/') {
            throw new IllegalArgumentException("A path starts with '/': " + path);
        }
    }

    /** RFC 6750 section 3.1: 401 with a {@code Bearer} challenge naming {@code invalid_token}. */
    private static FakeResponse rfc6750InvalidToken() {
        return FakeResponse.json(401, FakeJson.object().put("error", "invalid_token")
                        .put("error_description", "The access token is missing, expired, revoked or unknown"))
                .withHeader("WWW-Authenticate", "Bearer realm=\"fake\", error=\"invalid_token\"");
    }
}
