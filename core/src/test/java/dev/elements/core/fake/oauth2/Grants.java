package dev.elements.core.fake.oauth2;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the provider has registered and issued: clients, users, codes, access and refresh tokens. A grant is the
 * chain of tokens that descends from one authorization code, so that replaying the code revokes the whole chain (RFC
 * 6749 section 4.1.2). Not thread-safe: used under the provider's lock.
 */
final class Grants {

    /** RFC 6749 section 4.1.2 recommends at most ten minutes. */
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();

    record Code(String value, String clientId, String userId, String redirectUri, Set<String> scopes,
                String codeChallenge, Instant expiresAt) {
    }

    record AccessToken(String value, String clientId, String userId, Set<String> scopes, Instant expiresAt,
                       String grantId) {
    }

    record RefreshToken(String value, String clientId, String userId, Set<String> scopes, String grantId) {
    }

    private final Map<String, FakeOAuth2Client> clients = new HashMap<>();
    private final Map<String, FakeOAuth2User> users = new LinkedHashMap<>();
    private final Map<String, Code> codes = new HashMap<>();
    private final Set<String> usedCodes = new HashSet<>();
    private final Map<String, AccessToken> accessTokens = new HashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new HashMap<>();
    private final Set<String> spentRefreshTokens = new HashSet<>();
    private final Set<String> revokedGrants = new HashSet<>();
    private final Map<String, String> latestAccessTokenByUser = new HashMap<>();
    private final Map<String, String> latestRefreshTokenByUser = new HashMap<>();
    private long nextUserNumber = 1_000_001;

    FakeOAuth2Client register(FakeOAuth2Client client) {
        if (clients.putIfAbsent(client.id(), client) != null) {
            throw new IllegalArgumentException("A client " + client.id() + " is registered already");
        }
        return client;
    }

    Optional<FakeOAuth2Client> client(String id) {
        return Optional.ofNullable(clients.get(id));
    }

    FakeOAuth2User createUser(String name) {
        FakeOAuth2User user = new FakeOAuth2User(Long.toString(nextUserNumber++), name);
        users.put(user.id(), user);
        return user;
    }

    Optional<FakeOAuth2User> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    Optional<FakeOAuth2User> firstUser() {
        return users.values().stream().findFirst();
    }

    Code issueCode(String clientId, String userId, String redirectUri, Set<String> scopes, String codeChallenge,
                   Instant now) {
        Code code = new Code(randomToken(), clientId, userId, redirectUri, ordered(scopes), codeChallenge,
                now.plus(CODE_LIFETIME));
        codes.put(code.value(), code);
        return code;
    }

    Optional<Code> code(String value) {
        return Optional.ofNullable(codes.get(value));
    }

    boolean isUsed(Code code) {
        return usedCodes.contains(code.value());
    }

    void markUsed(Code code) {
        usedCodes.add(code.value());
    }

    /** Revokes every token that descends from the code: a replayed code means it may have been stolen. */
    void revokeGrant(String grantId) {
        revokedGrants.add(grantId);
    }

    /** Revokes every grant given so far, as when users take their consent back. */
    void revokeAll() {
        accessTokens.values().forEach(token -> revokedGrants.add(token.grantId()));
        refreshTokens.values().forEach(token -> revokedGrants.add(token.grantId()));
    }

    AccessToken issueAccessToken(String clientId, String userId, Set<String> scopes, Duration lifetime,
                                 String grantId, Instant now) {
        AccessToken token = new AccessToken(randomToken(), clientId, userId, ordered(scopes),
                lifetime == null ? null : now.plus(lifetime), grantId);
        accessTokens.put(token.value(), token);
        latestAccessTokenByUser.put(userId, token.value());
        return token;
    }

    RefreshToken issueRefreshToken(String clientId, String userId, Set<String> scopes, String grantId) {
        RefreshToken token = new RefreshToken(randomToken(), clientId, userId, ordered(scopes), grantId);
        refreshTokens.put(token.value(), token);
        latestRefreshTokenByUser.put(userId, token.value());
        return token;
    }

    /** The access token if it is known, unexpired and its grant not revoked. */
    Optional<AccessToken> usableAccessToken(String value, Instant now) {
        return Optional.ofNullable(value).map(accessTokens::get)
                .filter(token -> !revokedGrants.contains(token.grantId()))
                .filter(token -> token.expiresAt() == null || now.isBefore(token.expiresAt()));
    }

    /** The refresh token if it is known, unspent and its grant not revoked. */
    Optional<RefreshToken> usableRefreshToken(String value) {
        return Optional.ofNullable(value).map(refreshTokens::get)
                .filter(token -> !spentRefreshTokens.contains(token.value()))
                .filter(token -> !revokedGrants.contains(token.grantId()));
    }

    void spend(RefreshToken token) {
        spentRefreshTokens.add(token.value());
    }

    Optional<String> latestAccessTokenOf(String userId) {
        return Optional.ofNullable(latestAccessTokenByUser.get(userId));
    }

    Optional<String> latestRefreshTokenOf(String userId) {
        return Optional.ofNullable(latestRefreshTokenByUser.get(userId));
    }

    /** Scopes keep the order they were asked in, so that answers list them as the client wrote them. */
    private static Set<String> ordered(Set<String> scopes) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
    }

    /** 256 random bits, URL-safe: unguessable and safe in forms and headers without escaping. */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
