package dev.elements.facebook.fake;

import dev.elements.core.fake.oauth2.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Apps, authorization codes and access tokens. Not thread-safe on its own: every use holds the fake's lock, so a
 * code is exchanged exactly once however many requests race for it.
 */
final class Credentials {

    /** Facebook's codes expire about ten minutes after the dialog issues them. */
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    /** What Facebook reports for long-lived tokens: about 60 days. */
    static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(5_183_944);
    /** {@code data_access_expires_at} in debug_token: 90 days after the user last granted access. */
    static final Duration DATA_ACCESS_LIFETIME = Duration.ofDays(90);

    private final FakeClock clock;
    private final Map<String, FakeApp> apps = new LinkedHashMap<>();
    private final Set<String> appsRequiringProof = new HashSet<>();
    private final Map<String, AuthorizationCode> codes = new HashMap<>();
    private final Set<String> usedCodes = new HashSet<>();
    private final Map<String, IssuedToken> tokens = new LinkedHashMap<>();
    private final Set<String> revokedTokens = new HashSet<>();
    private final Map<String, String> pageTokenByAppAndPage = new HashMap<>();
    private Duration codeTokenLifetime = DEFAULT_TOKEN_LIFETIME;
    private Duration longLivedTokenLifetime = DEFAULT_TOKEN_LIFETIME;

    Credentials(FakeClock clock) {
        this.clock = clock;
    }

    FakeApp registerApp(FakeApp app) {
        if (apps.containsKey(app.id())) {
            throw new IllegalArgumentException("App " + app.id() + " is already registered");
        }
        apps.put(app.id(), app);
        return app;
    }

    Optional<FakeApp> app(String appId) {
        return Optional.ofNullable(appId == null ? null : apps.get(appId));
    }

    FakeApp requireApp(String appId) {
        return app(appId).orElseThrow(() -> new IllegalArgumentException("No app " + appId + " is registered"));
    }

    void requireAppSecretProof(String appId, boolean required) {
        requireApp(appId);
        if (required) {
            appsRequiringProof.add(appId);
        } else {
            appsRequiringProof.remove(appId);
        }
    }

    boolean requiresAppSecretProof(String appId) {
        return appsRequiringProof.contains(appId);
    }

    void setCodeTokenLifetime(Duration lifetime) {
        codeTokenLifetime = lifetime;
    }

    void setLongLivedTokenLifetime(Duration lifetime) {
        longLivedTokenLifetime = lifetime;
    }

    Duration codeTokenLifetime() {
        return codeTokenLifetime;
    }

    Duration longLivedTokenLifetime() {
        return longLivedTokenLifetime;
    }

    // --- codes ---

    AuthorizationCode issueCode(String appId, String userId, String redirectUri, List<String> scopes,
                                List<String> declinedScopes, String codeChallenge, String codeChallengeMethod) {
        AuthorizationCode code = new AuthorizationCode(RandomStrings.authorizationCode(), appId, userId, redirectUri,
                scopes, declinedScopes, clock.now(), codeChallenge, codeChallengeMethod);
        codes.put(code.value(), code);
        return code;
    }

    Optional<AuthorizationCode> code(String value) {
        return Optional.ofNullable(value == null ? null : codes.get(value));
    }

    boolean isUsed(AuthorizationCode code) {
        return usedCodes.contains(code.value());
    }

    boolean isExpired(AuthorizationCode code) {
        return !clock.now().isBefore(code.issuedAt().plus(CODE_LIFETIME));
    }

    void markUsed(AuthorizationCode code) {
        usedCodes.add(code.value());
    }

    // --- tokens ---

    IssuedToken issueUserToken(String appId, String userId, List<String> scopes, List<String> declinedScopes,
                               Duration lifetime) {
        Instant now = clock.now();
        IssuedToken token = new IssuedToken(RandomStrings.accessToken(), TokenKind.USER, appId, userId, null, scopes,
                declinedScopes, now, now.plus(lifetime));
        tokens.put(token.value(), token);
        return token;
    }

    /**
     * The page token an app gets for a page through its admin's user token. Facebook hands out the same kind of
     * never-expiring token on each call while the admin keeps the app; the fake returns the same string until the
     * admin revokes the app.
     */
    IssuedToken pageToken(String appId, String adminUserId, String pageId, List<String> scopes) {
        String key = appId + "|" + pageId;
        String existing = pageTokenByAppAndPage.get(key);
        if (existing != null && status(existing) == TokenStatus.VALID) {
            return tokens.get(existing);
        }
        IssuedToken token = new IssuedToken(RandomStrings.accessToken(), TokenKind.PAGE, appId, adminUserId, pageId,
                scopes, List.of(), clock.now(), null);
        tokens.put(token.value(), token);
        pageTokenByAppAndPage.put(key, token.value());
        return token;
    }

    /** A new token for the same user, app and permissions, as {@code grant_type=fb_exchange_token} returns. */
    IssuedToken exchangeForLongLived(IssuedToken old) {
        if (old.kind() == TokenKind.PAGE) {
            IssuedToken token = new IssuedToken(RandomStrings.accessToken(), TokenKind.PAGE, old.appId(),
                    old.userId(), old.pageId(), old.scopes(), old.declinedScopes(), clock.now(), null);
            tokens.put(token.value(), token);
            return token;
        }
        return issueUserToken(old.appId(), old.userId(), old.scopes(), old.declinedScopes(), longLivedTokenLifetime);
    }

    Optional<IssuedToken> token(String value) {
        return Optional.ofNullable(value == null ? null : tokens.get(value));
    }

    /** An app token is {@code {app-id}|{app-secret}}; empty when the string is not shaped like one. */
    Optional<AppTokenCheck> checkAppToken(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int bar = value.indexOf('|');
        if (bar <= 0 || bar == value.length() - 1 || value.indexOf('|', bar + 1) >= 0) {
            return Optional.empty();
        }
        Optional<FakeApp> app = app(value.substring(0, bar));
        boolean secretMatches = app.isPresent() && Hmac.sameText(app.get().secret(), value.substring(bar + 1));
        return Optional.of(new AppTokenCheck(app.orElse(null), secretMatches));
    }

    /** The outcome of looking at an {@code id|secret} string: the app, if any, and whether the secret is right. */
    record AppTokenCheck(FakeApp app, boolean secretMatches) {
        boolean valid() {
            return app != null && secretMatches;
        }
    }

    TokenStatus status(String value) {
        IssuedToken token = value == null ? null : tokens.get(value);
        if (token == null) {
            return TokenStatus.UNKNOWN;
        }
        if (revokedTokens.contains(value)) {
            return TokenStatus.REVOKED;
        }
        return token.isExpiredAt(clock.now()) ? TokenStatus.EXPIRED : TokenStatus.VALID;
    }

    void expire(String value) {
        IssuedToken token = tokens.get(value);
        if (token == null) {
            throw new IllegalArgumentException("The fake never issued this token: " + value);
        }
        tokens.put(value, token.expiringAt(clock.now().minusSeconds(1)));
    }

    /** The user removed the app (or every app, when appId is null): all their tokens stop working at once. */
    void revoke(String userId, String appId) {
        for (IssuedToken token : tokens.values()) {
            if (userId.equals(token.userId()) && (appId == null || appId.equals(token.appId()))) {
                revokedTokens.add(token.value());
            }
        }
    }

    List<IssuedToken> userTokensOf(String userId) {
        List<IssuedToken> result = new ArrayList<>();
        for (IssuedToken token : tokens.values()) {
            if (token.kind() == TokenKind.USER && userId.equals(token.userId())) {
                result.add(token);
            }
        }
        return result;
    }

    /** The user's newest working user token for the app, which is what Facebook's per-app permission view uses. */
    Optional<IssuedToken> latestValidUserToken(String userId, String appId) {
        IssuedToken latest = null;
        for (IssuedToken token : userTokensOf(userId)) {
            if (token.appId().equals(appId) && status(token.value()) == TokenStatus.VALID) {
                latest = token;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** How many people use the app: Facebook's platform limit is 200 calls per hour times this number. */
    int userCountOf(String appId) {
        Set<String> users = new HashSet<>();
        for (IssuedToken token : tokens.values()) {
            if (token.kind() == TokenKind.USER && token.appId().equals(appId)) {
                users.add(token.userId());
            }
        }
        return users.size();
    }
}
