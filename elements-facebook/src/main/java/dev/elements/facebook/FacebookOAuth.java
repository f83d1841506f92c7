package dev.elements.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.core.instance.Configuration;
import dev.elements.core.spi.FormEncoding;
import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.out.ProviderHttpRequest;
import dev.elements.core.port.out.ProviderHttpResponse;
import dev.elements.core.spi.ElementContext;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facebook Login's server flow: the code exchange, the long-lived token exchange (Facebook has no
 * refresh tokens; a valid long-lived token is exchanged for a fresh one instead) and
 * {@code debug_token} to learn whose token it is. The app secret travels in POST bodies and headers, never
 * in URLs, so that no proxy log can catch it; the user's token goes in {@code debug_token}'s query
 * as {@code input_token}, the one form Facebook documents for it, and to Facebook only.
 */
final class FacebookOAuth {
    private FacebookOAuth() {
    }

    /** The login dialog URL, with the permissions comma-separated as Facebook expects. */
    static URI authorizationUrl(String apiKey, String callbackUrl, String scope, String state,
            Configuration configuration) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", apiKey);
        query.put("redirect_uri", callbackUrl);
        query.put("response_type", "code");
        query.put("scope", normalizeScope(scope));
        query.put("state", state);
        return FormEncoding.withQuery(configuration.require(FacebookFacts.CONFIG_AUTHORIZATION_URL), query);
    }

    /** Cloud Elements users write scopes with commas, spaces or plus signs; Facebook wants commas. */
    static String normalizeScope(String scope) {
        return FormEncoding.join(List.of(scope.split("[,+\\s]+")), FacebookFacts.SCOPE_SEPARATOR);
    }

    static TokenSet exchangeCode(String code, Configuration configuration, ElementContext context) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", configuration.require(FacebookFacts.CONFIG_API_KEY));
        form.put("client_secret", configuration.require(FacebookFacts.CONFIG_API_SECRET));
        form.put("redirect_uri", configuration.require(FacebookFacts.CONFIG_CALLBACK_URL));
        form.put("code", code);
        IssuedToken issued = tokenEndpoint(form, configuration, context);
        IssuedToken longLived = exchangeForLongLived(issued.accessToken(), configuration, context);
        return inspect(longLived, configuration, context);
    }

    /** A fresh long-lived token for a still valid one; the user and scopes stay the same. */
    static TokenSet renew(TokenSet current, Configuration configuration, ElementContext context) {
        IssuedToken renewed = exchangeForLongLived(current.accessToken(), configuration, context);
        Instant expiresAt = renewed.expiresAt() != null ? renewed.expiresAt() : current.expiresAt();
        return new TokenSet(renewed.accessToken(), null, expiresAt, current.scopes(), current.providerUserId());
    }

    private static IssuedToken exchangeForLongLived(String accessToken, Configuration configuration,
            ElementContext context) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "fb_exchange_token");
        form.put("client_id", configuration.require(FacebookFacts.CONFIG_API_KEY));
        form.put("client_secret", configuration.require(FacebookFacts.CONFIG_API_SECRET));
        form.put("fb_exchange_token", accessToken);
        return tokenEndpoint(form, configuration, context);
    }

    private static IssuedToken tokenEndpoint(Map<String, String> form, Configuration configuration,
            ElementContext context) {
        ProviderHttpResponse response = context.http().send(ProviderHttpRequest.form("POST",
                URI.create(configuration.require(FacebookFacts.CONFIG_TOKEN_URL)), FormEncoding.encode(form),
                context.providerTimeout()));
        if (!response.successful()) {
            throw FacebookGraphErrors.fromTokenEndpoint(response);
        }
        JsonNode body = Json.read(response.body()).orElseThrow(() -> FacebookGraphErrors.unreadable(response));
        String accessToken = body.path("access_token").asText("");
        if (accessToken.isBlank()) {
            throw new ProviderException(ProviderError.silent(ProviderErrorClass.TRANSIENT),
                    "Facebook's token endpoint answered without an access token", null);
        }
        Instant expiresAt = body.hasNonNull("expires_in")
                ? context.clock().instant().plusSeconds(body.path("expires_in").asLong())
                : null;
        return new IssuedToken(accessToken, expiresAt);
    }

    /**
     * Asks {@code debug_token} whose token this is, for which app and until when; refuses a token
     * issued to another app, as a confidential client must.
     */
    private static TokenSet inspect(IssuedToken token, Configuration configuration, ElementContext context) {
        String appId = configuration.require(FacebookFacts.CONFIG_API_KEY);
        URI uri = FormEncoding.withQuery(GraphPaths.url(configuration, "/debug_token"),
                Map.of("input_token", token.accessToken()));
        ProviderHttpResponse response = context.http().send(ProviderHttpRequest.get(uri, context.providerTimeout())
                .withHeader("Authorization", "Bearer " + appId + "|"
                        + configuration.require(FacebookFacts.CONFIG_API_SECRET)));
        if (!response.successful()) {
            throw FacebookGraphErrors.fromTokenEndpoint(response);
        }
        JsonNode data = Json.read(response.body()).map(body -> body.path("data"))
                .filter(JsonNode::isObject)
                .orElseThrow(() -> FacebookGraphErrors.unreadable(response));
        if (!data.path("is_valid").asBoolean(false)) {
            String why = data.path("error").path("message").asText("Facebook says the token is not valid");
            throw new ProviderException(ProviderError.of(ProviderErrorClass.INVALID_GRANT, why));
        }
        if (!appId.equals(data.path("app_id").asText())) {
            throw new ProviderException(ProviderError.of(ProviderErrorClass.INVALID_GRANT,
                    "The token was issued to another Facebook app"));
        }
        List<String> scopes = new ArrayList<>();
        data.path("scopes").forEach(scope -> scopes.add(scope.asText()));
        long expiresAtSeconds = data.path("expires_at").asLong(0);
        // 0 means the token does not expire; otherwise debug_token knows better than expires_in.
        Instant expiresAt = expiresAtSeconds > 0 ? Instant.ofEpochSecond(expiresAtSeconds) : token.expiresAt();
        String userId = data.hasNonNull("user_id") ? data.path("user_id").asText() : null;
        return new TokenSet(token.accessToken(), null, expiresAt, scopes, userId);
    }

    private record IssuedToken(String accessToken, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedToken[expiresAt=" + expiresAt + "]";
        }
    }
}
