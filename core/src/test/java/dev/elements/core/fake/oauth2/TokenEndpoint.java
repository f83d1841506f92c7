package dev.elements.core.fake.oauth2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST} on the token endpoint: the authorization code grant (RFC 6749 section 4.1.3, RFC 7636 section 4.6) and
 * the refresh grant (section 6), with client authentication by form or HTTP Basic (section 2.3.1) and errors as in
 * section 5.2. Called under the provider's lock, which makes a code or a rotating refresh token usable exactly once
 * however many requests race for it.
 */
final class TokenEndpoint {

    private static final String OFFLINE_ACCESS = "offline.access";

    private final Grants grants;
    private final FakeOAuth2Options options;
    private final FakeClock clock;
    private final Observations observations;

    TokenEndpoint(Grants grants, FakeOAuth2Options options, FakeClock clock, Observations observations) {
        this.grants = grants;
        this.options = options;
        this.clock = clock;
        this.observations = observations;
    }

    FakeResponse handle(FakeRequest request) {
        Map<String, String> form = request.form();
        String grantType = form.get("grant_type");
        if ("authorization_code".equals(grantType)) {
            observations.codeExchange();
        } else if ("refresh_token".equals(grantType)) {
            observations.refresh();
        }
        try {
            boolean formEncoded = request.header("Content-Type")
                    .filter(type -> type.toLowerCase().startsWith("application/x-www-form-urlencoded")).isPresent();
            if (!formEncoded) {
                throw OAuthError.invalidRequest("The body must be application/x-www-form-urlencoded");
            }
            FakeOAuth2Client client = authenticate(request, form);
            if (grantType == null || grantType.isEmpty()) {
                throw OAuthError.invalidRequest("grant_type is required");
            }
            return switch (grantType) {
                case "authorization_code" -> exchangeCode(client, form);
                case "refresh_token" -> refresh(client, form);
                default -> throw OAuthError.unsupportedGrantType("Unsupported grant_type: " + grantType);
            };
        } catch (OAuthError refused) {
            return options.tokenError().apply(refused.toResponse());
        }
    }

    private FakeOAuth2Client authenticate(FakeRequest request, Map<String, String> form) {
        Optional<String> basic = request.header("Authorization")
                .filter(value -> value.regionMatches(true, 0, "Basic ", 0, 6))
                .map(value -> value.substring(6).trim());
        String formId = form.get("client_id");
        String formSecret = form.get("client_secret");
        if (basic.isPresent()) {
            if (formSecret != null) {
                throw OAuthError.invalidRequest("Use one client authentication method, not two");
            }
            if (!options.clientAuthentications().contains(ClientAuthentication.CLIENT_SECRET_BASIC)) {
                throw OAuthError.invalidClient("client_secret_basic is not accepted", true);
            }
            String[] idAndSecret = decodeBasic(basic.get());
            if (formId != null && !formId.equals(idAndSecret[0])) {
                throw OAuthError.invalidRequest("client_id in the body differs from the authenticated client");
            }
            return confidentialClient(idAndSecret[0], idAndSecret[1], true);
        }
        if (formSecret != null) {
            if (!options.clientAuthentications().contains(ClientAuthentication.CLIENT_SECRET_POST)) {
                throw OAuthError.invalidClient("client_secret_post is not accepted", false);
            }
            if (formId == null) {
                throw OAuthError.invalidRequest("client_id is required with client_secret");
            }
            return confidentialClient(formId, formSecret, false);
        }
        FakeOAuth2Client client = Optional.ofNullable(formId).flatMap(grants::client)
                .orElseThrow(() -> OAuthError.invalidClient("Unknown or missing client", false));
        if (!client.isPublic()) {
            throw OAuthError.invalidClient("A confidential client must authenticate", false);
        }
        return client;
    }

    private static String[] decodeBasic(String credentials) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw OAuthError.invalidClient("Malformed Basic credentials", true);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw OAuthError.invalidClient("Malformed Basic credentials", true);
        }
        // RFC 6749 section 2.3.1: both parts are form-url-encoded before being joined.
        return new String[] {Forms.decodeComponent(decoded.substring(0, colon)),
                Forms.decodeComponent(decoded.substring(colon + 1))};
    }

    private FakeOAuth2Client confidentialClient(String id, String secret, boolean basicTried) {
        return grants.client(id)
                .filter(client -> !client.isPublic())
                .filter(client -> MessageDigest.isEqual(client.secret().getBytes(StandardCharsets.UTF_8),
                        secret.getBytes(StandardCharsets.UTF_8)))
                .orElseThrow(() -> OAuthError.invalidClient("Client authentication failed", basicTried));
    }

    private FakeResponse exchangeCode(FakeOAuth2Client client, Map<String, String> form) {
        String value = required(form, "code");
        String redirectUri = required(form, "redirect_uri");
        Grants.Code code = grants.code(value).filter(candidate -> candidate.clientId().equals(client.id()))
                .orElseThrow(() -> OAuthError.invalidGrant("Unknown authorization code"));
        Instant now = clock.now();
        if (grants.isUsed(code)) {
            grants.revokeGrant(code.value());
            throw OAuthError.invalidGrant("The authorization code was used already; its tokens are revoked");
        }
        if (!now.isBefore(code.expiresAt())) {
            throw OAuthError.invalidGrant("The authorization code has expired");
        }
        if (!code.redirectUri().equals(redirectUri)) {
            throw OAuthError.invalidGrant("redirect_uri differs from the authorization request's");
        }
        String verifier = form.get("code_verifier");
        if (code.codeChallenge() != null) {
            if (verifier == null) {
                throw OAuthError.invalidRequest("code_verifier is required");
            }
            if (!Pkce.isWellFormedVerifier(verifier) || !Pkce.matches(code.codeChallenge(), verifier)) {
                throw OAuthError.invalidGrant("code_verifier does not match the code_challenge");
            }
        } else if (verifier != null) {
            throw OAuthError.invalidGrant("code_verifier sent for a code issued without code_challenge");
        }
        grants.markUsed(code);
        Grants.AccessToken access = grants.issueAccessToken(client.id(), code.userId(), code.scopes(),
                options.accessTokenLifetime(), code.value(), now);
        boolean refreshable = options.refreshTokens() != RefreshTokens.NONE
                && (!options.refreshNeedsOfflineAccess() || code.scopes().contains(OFFLINE_ACCESS));
        Grants.RefreshToken refresh = refreshable
                ? grants.issueRefreshToken(client.id(), code.userId(), code.scopes(), code.value()) : null;
        return answer(access, refresh, now);
    }

    private FakeResponse refresh(FakeOAuth2Client client, Map<String, String> form) {
        if (options.refreshTokens() == RefreshTokens.NONE) {
            throw OAuthError.unsupportedGrantType("This provider issues no refresh tokens");
        }
        String value = required(form, "refresh_token");
        Grants.RefreshToken token = grants.usableRefreshToken(value)
                .filter(candidate -> candidate.clientId().equals(client.id()))
                .orElseThrow(() -> OAuthError.invalidGrant("The refresh token is invalid, spent or revoked"));
        Set<String> scopes = token.scopes();
        if (form.containsKey("scope")) {
            Set<String> requested = Scopes.parse(form.get("scope"), options.scopeSeparator());
            if (!token.scopes().containsAll(requested)) {
                throw OAuthError.invalidScope("A refresh cannot widen the granted scope");
            }
            scopes = requested;
        }
        Instant now = clock.now();
        Grants.RefreshToken next = null;
        if (options.refreshTokens() == RefreshTokens.ROTATING) {
            grants.spend(token);
            next = grants.issueRefreshToken(client.id(), token.userId(), token.scopes(), token.grantId());
        }
        Grants.AccessToken access = grants.issueAccessToken(client.id(), token.userId(), scopes,
                options.accessTokenLifetime(), token.grantId(), now);
        return answer(access, next, now);
    }

    /** RFC 6749 section 5.1, members in the order X writes them; never cached. */
    private FakeResponse answer(Grants.AccessToken access, Grants.RefreshToken refresh, Instant now) {
        FakeJson body = FakeJson.object().put("token_type", "bearer");
        if (access.expiresAt() != null) {
            body.put("expires_in", access.expiresAt().getEpochSecond() - now.getEpochSecond());
        }
        body.put("access_token", access.value()).put("scope", Scopes.join(access.scopes(), options.scopeSeparator()));
        if (refresh != null) {
            body.put("refresh_token", refresh.value());
        }
        return FakeResponse.json(200, options.tokenAnswer().apply(body))
                .withHeader("Cache-Control", "no-store")
                .withHeader("Pragma", "no-cache");
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            throw OAuthError.invalidRequest(name + " is required");
        }
        return value;
    }
}
