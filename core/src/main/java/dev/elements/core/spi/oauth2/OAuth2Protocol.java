package dev.elements.core.spi.oauth2;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.instance.Configuration;
import dev.elements.core.json.Json;
import dev.elements.core.json.JsonMissing;
import dev.elements.core.json.JsonObject;
import dev.elements.core.json.JsonValue;
import dev.elements.core.oauth.AuthorizationCode;
import dev.elements.core.oauth.AuthorizationRequest;
import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.ProviderHttpRequest;
import dev.elements.core.port.out.ProviderHttpResponse;
import dev.elements.core.spi.CredentialScrubber;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.spi.FormEncoding;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OAuth2 authorization-code flow (RFC 6749, with PKCE from RFC 7636), once for every element:
 * the authorization URL, the code grant, the refresh grant and any other grant a provider adds,
 * client authentication, and the reading of token answers and refusals. Stateless and thread-safe.
 *
 * <p>Secrets travel in POST bodies and the {@code Authorization} header only, never in a URL, and
 * every refusal is scrubbed of the secrets of the request that caused it before it leaves.
 */
public final class OAuth2Protocol {
    private static final String FORM = "application/x-www-form-urlencoded";
    /** A token lifetime beyond this is treated as no lifetime: it would overflow instants. */
    private static final long LONGEST_LIFETIME_SECONDS = 100L * 365 * 24 * 60 * 60;

    private final OAuth2Options options;
    private final TokenEndpointErrors errors;

    public OAuth2Protocol(OAuth2Options options) {
        this(options, TokenEndpointErrors.RFC_6749);
    }

    public OAuth2Protocol(OAuth2Options options, TokenEndpointErrors errors) {
        this.options = requireNonNull(options, "options");
        this.errors = requireNonNull(errors, "errors");
    }

    public OAuth2Options options() {
        return options;
    }

    /** The provider's authorization URL for an application, with the PKCE challenge when the element uses it. */
    public URI authorizationUrl(AuthorizationRequest request, Configuration configuration) {
        if (options.pkce() && request.codeChallenge() == null) {
            throw new IllegalArgumentException("A PKCE element's authorization URL needs the platform's challenge");
        }
        Map<String, String> query = new LinkedHashMap<>(options.extraAuthorizationParameters());
        query.put("response_type", "code");
        query.put("client_id", request.apiKey());
        query.put("redirect_uri", request.callbackUrl());
        String scope = scope(request.scope());
        query.put("scope", scope.isEmpty() ? null : scope);
        query.put("state", request.state());
        if (options.pkce()) {
            query.put("code_challenge", request.codeChallenge());
            query.put("code_challenge_method", "S256");
        }
        return FormEncoding.withQuery(OAuth2Settings.of(configuration).authorizationUrl().toString(), query);
    }

    /** Cloud Elements users write scopes with commas, spaces or plus signs; each provider wants its own. */
    private String scope(String scope) {
        return FormEncoding.join(List.of(scope.split("[,+\\s]+")), options.scopeSeparator());
    }

    /** The authorization-code grant, with the redirect URI the code was issued for and the PKCE verifier. */
    public TokenAnswer exchangeCode(AuthorizationCode code, Configuration configuration, ElementContext context) {
        if (options.pkce() && code.codeVerifier() == null) {
            throw new IllegalArgumentException("A PKCE element's code needs the verifier the platform kept");
        }
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "authorization_code");
        grant.put("code", code.code());
        grant.put("redirect_uri", OAuth2Settings.of(configuration).callbackUrl());
        grant.put("code_verifier", options.pkce() ? code.codeVerifier() : null);
        return requestToken(grant, configuration, context, code.code(), code.codeVerifier());
    }

    /** The refresh-token grant. A rotating provider's answer carries the next refresh token. */
    public TokenAnswer refresh(String refreshToken, Configuration configuration, ElementContext context) {
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "refresh_token");
        grant.put("refresh_token", requireNonNull(refreshToken, "refreshToken"));
        return requestToken(grant, configuration, context, refreshToken);
    }

    /**
     * Any grant at the token endpoint, with the application's authentication added: for a
     * provider's own grants, such as Facebook's long-lived token exchange.
     *
     * @param grant the grant's parameters, {@code grant_type} included
     * @param secrets values in the grant to mask in any refusal, besides the application's secret
     */
    public TokenAnswer requestToken(Map<String, String> grant, Configuration configuration, ElementContext context,
            String... secrets) {
        OAuth2Settings settings = OAuth2Settings.of(configuration);
        CredentialScrubber scrubber = scrubber(settings.clientSecret(), secrets);
        try {
            ProviderHttpResponse response = context.http().send(tokenRequest(grant, settings, context));
            JsonValue body = Json.tryParse(response.body()).orElse(JsonMissing.INSTANCE);
            if (!response.successful() || (body.path("error").isText() && body.path("access_token").isMissing())) {
                throw errors.refusal(response, body);
            }
            if (!(body instanceof JsonObject answer)) {
                throw new ProviderException(ProviderError.silent(ProviderErrorClass.TRANSIENT),
                        "The token endpoint answered HTTP " + response.status() + " with a body that is not JSON", null);
            }
            return read(answer, grant.get("grant_type"), configuration, context);
        } catch (ProviderException failure) {
            throw scrubber.scrub(failure);
        }
    }

    private ProviderHttpRequest tokenRequest(Map<String, String> grant, OAuth2Settings settings,
            ElementContext context) {
        Map<String, String> form = new LinkedHashMap<>(grant);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(FORM));
        headers.put("Accept", List.of("application/json"));
        if (options.clientAuthentication() == ClientAuthentication.CLIENT_SECRET_BASIC) {
            String pair = FormEncoding.encodeComponent(settings.clientId()) + ":"
                    + FormEncoding.encodeComponent(settings.clientSecret());
            headers.put("Authorization", List.of("Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
            // RFC 6749 4.1.3 lets an authenticated client name itself as well; some endpoints expect it either way.
            form.putIfAbsent("client_id", settings.clientId());
        } else {
            form.put("client_id", settings.clientId());
            form.put("client_secret", settings.clientSecret());
        }
        return new ProviderHttpRequest("POST", settings.tokenUrl(), headers,
                FormEncoding.encode(form).getBytes(StandardCharsets.UTF_8), context.providerTimeout());
    }

    private TokenAnswer read(JsonObject answer, String grant, Configuration configuration, ElementContext context) {
        String accessToken = answer.path("access_token").text();
        if (accessToken == null || accessToken.isBlank()) {
            throw new ProviderException(ProviderError.silent(ProviderErrorClass.TRANSIENT),
                    "The token endpoint answered without an access token", null);
        }
        String tokenType = answer.path("token_type").text();
        if (tokenType != null && !tokenType.toLowerCase(Locale.ROOT).equals("bearer")) {
            throw new ProviderException(ProviderError.silent(ProviderErrorClass.TRANSIENT),
                    "The token endpoint issued a token of type " + tokenType.substring(0, Math.min(20,
                            tokenType.length())) + "; only bearer tokens are supported", null);
        }
        long lifetime = answer.path("expires_in").longOr(0);
        Instant expiresAt = lifetime > 0 && lifetime < LONGEST_LIFETIME_SECONDS
                ? context.clock().instant().plusSeconds(lifetime)
                : null;
        String refreshToken = answer.path("refresh_token").text();
        // Without a scope member the grant is what was asked for (RFC 6749 5.1); after a refresh, what
        // was granted before, which TokenAnswer.renewing keeps when the scopes come back empty.
        String granted = answer.path("scope").textOr("refresh_token".equals(grant)
                ? ""
                : configuration.get(CommonConfiguration.OAUTH_SCOPE).orElse(""));
        List<String> scopes = List.of(granted.split("[,\\s]+")).stream().filter(scope -> !scope.isBlank()).toList();
        return new TokenAnswer(accessToken, refreshToken == null || refreshToken.isBlank() ? null : refreshToken,
                expiresAt, scopes, answer);
    }

    private static CredentialScrubber scrubber(String clientSecret, String... secrets) {
        String[] all = new String[secrets.length + 1];
        all[0] = clientSecret;
        System.arraycopy(secrets, 0, all, 1, secrets.length);
        return CredentialScrubber.of(all);
    }
}
