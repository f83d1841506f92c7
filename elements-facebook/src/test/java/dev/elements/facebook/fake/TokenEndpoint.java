package dev.elements.facebook.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code GET|POST /oauth/access_token}: the code grant, the long-lived exchange ({@code fb_exchange_token}) and app
 * tokens ({@code client_credentials}). Facebook issues no refresh tokens. Called under the fake's lock.
 */
final class TokenEndpoint {

    private final Credentials credentials;
    private final Authenticator authenticator;
    private final Switches switches;
    private final Observations observations;

    TokenEndpoint(Credentials credentials, Authenticator authenticator, Switches switches,
                  Observations observations) {
        this.credentials = credentials;
        this.authenticator = authenticator;
        this.switches = switches;
        this.observations = observations;
    }

    FakeResponse handle(RecordedRequest request) {
        String grantType = request.param("grant_type");
        boolean codeGrant = grantType == null || grantType.isBlank() || grantType.equals("authorization_code");
        if (codeGrant) {
            observations.codeExchange();
        } else if (grantType.equals("fb_exchange_token")) {
            observations.longLivedExchange();
        }
        try {
            GraphError injected = switches.takeTokenFailure();
            if (injected != null) {
                throw new GraphException(injected);
            }
            if (codeGrant) {
                return exchangeCode(request);
            }
            return switch (grantType) {
                case "fb_exchange_token" -> exchangeForLongLived(request);
                case "client_credentials" -> appToken(request);
                default -> throw new GraphException(GraphError.of(100,
                        "Unsupported grant_type: '" + grantType + "'. Facebook issues no refresh tokens; exchange a "
                                + "valid token with grant_type=fb_exchange_token instead."));
            };
        } catch (GraphException failure) {
            return FakeResponse.error(failure.error(), false);
        }
    }

    private FakeResponse exchangeCode(RecordedRequest request) {
        String codeVerifier = request.param("code_verifier");
        FakeApp app = authenticateClient(request, codeVerifier != null);
        String codeValue = request.param("code");
        if (codeValue == null || codeValue.isBlank()) {
            throw new GraphException(GraphError.of(100, "(#100) The parameter code is required"));
        }
        String redirectUri = request.param("redirect_uri");
        if (redirectUri == null) {
            throw new GraphException(GraphError.of(191, "Missing redirect_uri parameter."));
        }
        AuthorizationCode code = credentials.code(codeValue)
                .filter(candidate -> candidate.appId().equals(app.id()))
                .orElseThrow(() -> new GraphException(GraphError.of(100, "Invalid verification code format.")));
        if (credentials.isUsed(code)) {
            throw new GraphException(GraphError.of(100, "This authorization code has been used.").withSubcode(36009));
        }
        if (credentials.isExpired(code)) {
            throw new GraphException(GraphError.of(100, "This authorization code has expired.").withSubcode(36007));
        }
        if (!code.redirectUri().equals(redirectUri)) {
            throw new GraphException(GraphError.of(100, "Error validating verification code. Please make sure your "
                    + "redirect_uri is identical to the one you used in the OAuth dialog request").withSubcode(36008));
        }
        if (code.codeChallenge() != null && !verifierMatches(code, codeVerifier)) {
            throw new GraphException(GraphError.of(100, "Invalid code_verifier for this authorization code."));
        }
        credentials.markUsed(code);
        IssuedToken token = credentials.issueUserToken(app.id(), code.userId(), code.scopes(), code.declinedScopes(),
                credentials.codeTokenLifetime());
        return tokenResponse(token);
    }

    private FakeResponse exchangeForLongLived(RecordedRequest request) {
        FakeApp app = authenticateClient(request, false);
        String shortLived = request.param("fb_exchange_token");
        if (shortLived == null || shortLived.isBlank()) {
            throw new GraphException(GraphError.of(100, "(#100) The parameter fb_exchange_token is required"));
        }
        IssuedToken old = authenticator.usableToken(shortLived);
        if (!old.appId().equals(app.id())) {
            // Tokens are bound to the app they were issued to; another app cannot even parse them.
            throw new GraphException(GraphError.invalidToken());
        }
        // Facebook leaves the old token working: exchanging is not revoking.
        return tokenResponse(credentials.exchangeForLongLived(old));
    }

    private FakeResponse appToken(RecordedRequest request) {
        FakeApp app = authenticateClient(request, false);
        ObjectNode body = Json.object();
        body.put("access_token", app.appToken());
        body.put("token_type", "bearer");
        return FakeResponse.json(200, body);
    }

    /** Checks client_id, then client_secret; a PKCE exchange may leave the secret out. */
    private FakeApp authenticateClient(RecordedRequest request, boolean publicClientAllowed) {
        String clientId = request.param("client_id");
        if (clientId == null || clientId.isBlank()) {
            throw new GraphException(GraphError.of(101, "Missing client_id parameter."));
        }
        FakeApp app = credentials.app(clientId).orElseThrow(() -> new GraphException(
                GraphError.of(101, "Error validating application. Invalid application ID.")));
        String secret = request.param("client_secret");
        if (secret == null && publicClientAllowed) {
            return app;
        }
        if (!Hmac.sameText(app.secret(), secret)) {
            throw new GraphException(GraphError.of(1, "Error validating client secret."));
        }
        return app;
    }

    private static boolean verifierMatches(AuthorizationCode code, String verifier) {
        if (verifier == null) {
            return false;
        }
        if ("plain".equalsIgnoreCase(code.codeChallengeMethod())) {
            return Hmac.sameText(code.codeChallenge(), verifier);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Hmac.sameText(code.codeChallenge(), Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }

    /** {@code {"access_token","token_type":"bearer","expires_in"}}: no refresh_token and no scope, as Facebook. */
    private static FakeResponse tokenResponse(IssuedToken token) {
        ObjectNode body = Json.object();
        body.put("access_token", token.value());
        body.put("token_type", "bearer");
        Optional.ofNullable(token.expiresAt()).ifPresent(expiry ->
                body.put("expires_in", Math.max(0, expiry.getEpochSecond() - token.issuedAt().getEpochSecond())));
        return FakeResponse.json(200, body);
    }
}
