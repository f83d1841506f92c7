package dev.elements.facebook;

import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.instance.Configuration;
import dev.elements.core.json.Json;
import dev.elements.core.json.JsonArray;
import dev.elements.core.json.JsonMissing;
import dev.elements.core.json.JsonObject;
import dev.elements.core.json.JsonValue;
import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.out.ProviderHttpRequest;
import dev.elements.core.port.out.ProviderHttpResponse;
import dev.elements.core.spi.CredentialScrubber;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.spi.FormEncoding;
import dev.elements.core.spi.hub.HubClient;
import dev.elements.core.spi.hub.HubProfile;
import dev.elements.core.spi.hub.RequestBody;
import dev.elements.core.spi.event.AccountNotices;
import dev.elements.core.spi.event.ProviderPoller;
import dev.elements.core.spi.event.ProviderWebhooks;
import dev.elements.core.spi.oauth2.OAuth2ElementProvider;
import dev.elements.core.spi.oauth2.OAuth2Options;
import dev.elements.core.spi.oauth2.OAuth2Protocol;
import dev.elements.core.spi.oauth2.OAuth2Settings;
import dev.elements.core.spi.oauth2.TokenAnswer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The facebooksocial element: Facebook Login and the Graph API behind the social hub. Core speaks
 * the OAuth2 protocol and calls the Graph; this is where Facebook departs from them: the long-lived
 * token exchange instead of refresh tokens, {@code debug_token}, Graph errors, {@code appsecret_proof},
 * usage headers, cursors and resources.
 */
public final class FacebookElementProvider extends OAuth2ElementProvider {
    private static final OAuth2Options OPTIONS = OAuth2Options.standard()
            .withScopeSeparator(FacebookFacts.SCOPE_SEPARATOR);
    /** The URLs of a nested connection's {@code paging} block carry the caller's token; its cursors stay. */
    private static final Set<String> PAGING_URLS = Set.of("paging/next", "paging/previous");

    private static final ProviderWebhooks WEBHOOKS = new FacebookWebhooks();
    private static final AccountNotices SIGNED_REQUESTS = new FacebookSignedRequests();

    /** The Graph client, also for the calls made as a page and for polling. */
    private final HubClient graph;
    private final ProviderPoller poller;

    public FacebookElementProvider() {
        this(new HubClient(HubProfile.rest(new GraphPaging(), "/data")
                .withRequestBody(RequestBody.FORM)
                .withReservedParameters(FacebookFacts.RESERVED_PARAMETERS)
                .withDroppedMembers(PAGING_URLS)
                .withErrors(FacebookGraphErrors.GRAPH_CALLS)
                .withUsage(new FacebookUsage())
                .withCustomAnswers(Map.of(FacebookElementDefinition.PING, GraphAnswers::ping,
                        FacebookElementDefinition.PAGE_TOKEN, GraphAnswers::pageToken))
                .withHooks(new GraphHooks())));
    }

    private FacebookElementProvider(HubClient graph) {
        super(FacebookElementDefinition.create(), new OAuth2Protocol(OPTIONS, FacebookGraphErrors.TOKEN_ENDPOINT),
                graph);
        this.graph = graph;
        this.poller = new FacebookPoller(graph);
    }

    /** Webhooks for the Graph API: the handshake, {@code X-Hub-Signature-256} and the entries of users and pages. */
    @Override
    public Optional<ProviderWebhooks> webhooks() {
        return Optional.of(WEBHOOKS);
    }

    /** The deauthorize and data deletion callbacks, each a {@code signed_request}. */
    @Override
    public Optional<AccountNotices> accountNotices() {
        return Optional.of(SIGNED_REQUESTS);
    }

    /** The user's new posts, for instances whose {@code event.vendor.type} is {@code polling}. */
    @Override
    public Optional<ProviderPoller> poller() {
        return Optional.of(poller);
    }

    /** A call with {@code pageToken} is made as that page, with the page's token; every other with the instance's. */
    @Override
    public HubResult callHub(HubCall call, ElementContext context) {
        return ActingAsPage.requested(call) ? ActingAsPage.call(call, graph, context) : super.callHub(call, context);
    }

    /** The code grant's short-lived token becomes a long-lived one, and {@code debug_token} says whose it is. */
    @Override
    protected TokenSet completeExchange(TokenAnswer answer, Configuration configuration, ElementContext context) {
        return debugToken(longLived(answer.accessToken(), configuration, context), configuration, context);
    }

    /**
     * A token the application already holds ({@code externalAuthentication}): {@code debug_token}
     * must say it is valid, issued to the configured app and not yet expired; nothing is exchanged
     * first, so that a dead or foreign token is refused as it is. Facebook issues no refresh tokens,
     * so none is kept. A short-lived token is due for renewal at once, which makes it long-lived.
     */
    @Override
    public TokenSet adoptTokens(TokenSet given, Configuration configuration, ElementContext context) {
        TokenSet checked = debugToken(new TokenAnswer(given.accessToken(), null, null, List.of(),
                JsonObject.of(Map.of())), configuration, context);
        if (checked.expiresAt() != null && !checked.expiresAt().isAfter(context.clock().instant())) {
            throw new ProviderException(ProviderError.of(ProviderErrorClass.INVALID_TOKEN,
                    "Facebook says the token has expired"));
        }
        return checked;
    }

    /**
     * Facebook issues no refresh tokens: a still valid long-lived token is exchanged for a fresh one.
     * The user and the scopes stay the same.
     */
    @Override
    public TokenSet renew(TokenSet current, Configuration configuration, ElementContext context) {
        TokenAnswer renewed = longLived(current.accessToken(), configuration, context);
        return new TokenSet(renewed.accessToken(), null,
                renewed.expiresAt() != null ? renewed.expiresAt() : current.expiresAt(), current.scopes(),
                current.providerUserId());
    }

    /**
     * An expired Facebook token can no longer be exchanged, so renew a day ahead; long-lived tokens
     * last about sixty days.
     */
    @Override
    public Duration renewBeforeExpiry() {
        return Duration.ofDays(1);
    }

    private TokenAnswer longLived(String accessToken, Configuration configuration, ElementContext context) {
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "fb_exchange_token");
        grant.put("fb_exchange_token", accessToken);
        return protocol().requestToken(grant, configuration, context, accessToken);
    }

    /**
     * {@code debug_token}: whose token this is, for which app and until when; a token issued to
     * another app is refused, as a confidential client must. The app authenticates with its app
     * token ({@code id|secret}) in the header; the user's token goes in the query as
     * {@code input_token}, the one form Facebook documents, to Facebook only.
     */
    private static TokenSet debugToken(TokenAnswer token, Configuration configuration, ElementContext context) {
        OAuth2Settings settings = OAuth2Settings.of(configuration);
        CredentialScrubber scrubber = CredentialScrubber.of(token.accessToken(), settings.clientSecret());
        try {
            URI uri = FormEncoding.withQuery(settings.baseUrl() + "/debug_token",
                    Map.of("input_token", token.accessToken()));
            ProviderHttpResponse response = context.http().send(ProviderHttpRequest.get(uri, context.providerTimeout())
                    .withHeader("Authorization", "Bearer " + settings.clientId() + "|" + settings.clientSecret()));
            JsonValue body = Json.tryParse(response.body()).orElse(JsonMissing.INSTANCE);
            if (!response.successful()) {
                throw FacebookGraphErrors.TOKEN_ENDPOINT.refusal(response, body);
            }
            JsonValue data = body.path("data");
            if (!data.isObject()) {
                throw FacebookGraphErrors.unreadable(response, null);
            }
            return credentials(token, data, settings.clientId());
        } catch (ProviderException failure) {
            throw scrubber.scrub(failure);
        }
    }

    private static TokenSet credentials(TokenAnswer token, JsonValue data, String appId) {
        if (!data.path("is_valid").booleanOr(false)) {
            throw new ProviderException(ProviderError.of(ProviderErrorClass.INVALID_GRANT,
                    data.at("/error/message").textOr("Facebook says the token is not valid")));
        }
        if (!appId.equals(data.path("app_id").text())) {
            throw new ProviderException(ProviderError.of(ProviderErrorClass.INVALID_GRANT,
                    "The token was issued to another Facebook app"));
        }
        List<String> scopes = data.path("scopes") instanceof JsonArray granted
                ? granted.items().stream().map(JsonValue::text).filter(Objects::nonNull).toList()
                : List.of();
        long expiresAt = data.path("expires_at").longOr(0);
        // 0 means the token does not expire; otherwise debug_token knows better than expires_in.
        return new TokenSet(token.accessToken(), null,
                expiresAt > 0 ? Instant.ofEpochSecond(expiresAt) : token.expiresAt(), scopes,
                data.path("user_id").textIfAny().orElse(null));
    }
}
