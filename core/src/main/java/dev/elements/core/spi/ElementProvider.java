package dev.elements.core.spi;

import dev.elements.core.element.ElementDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.hub.ProviderUsage;
import dev.elements.core.instance.Configuration;
import dev.elements.core.oauth.AuthorizationCode;
import dev.elements.core.oauth.AuthorizationRequest;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.spi.event.AccountNotices;
import dev.elements.core.spi.event.ProviderPoller;
import dev.elements.core.spi.event.ProviderWebhooks;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The contract between the platform and an element plugin: everything that differs from one
 * provider to the next.
 *
 * <h2>Registering a plugin</h2>
 * A plugin is a jar with an implementation of this interface (public, with a public no-argument
 * constructor) named in {@code META-INF/services/dev.elements.core.spi.ElementProvider}. The server
 * finds it on its class path at start-up and logs it; two plugins with the same element key or id
 * stop the start-up. A plugin depends on {@code elements-core} with {@code provided} scope.
 *
 * <h2>What the platform does for you</h2>
 * It validates configuration against your {@link #definition()}, applies defaults and operator
 * overrides, stores the {@link TokenSet} you return encrypted, decides when tokens are due for
 * renewal and makes sure only one node renews at a time, maps {@link ProviderException}s to statuses
 * and instance states, and masks secrets everywhere. A plugin holds no state between calls.
 *
 * <h2>Errors</h2>
 * Every method reports a provider refusal or failure as a {@link ProviderException} whose class
 * says what it means ({@code INVALID_GRANT} for a refused code or application credentials,
 * {@code INVALID_TOKEN} for a dead instance token, {@code TRANSIENT} for an outage, and so on), and
 * whose message is the provider's own words. Never put a token or a URL carrying one into an
 * exception message or a log line. To refuse the application's input before anything is sent (an
 * id that is not one, a body of the wrong shape), throw a
 * {@link dev.elements.core.error.PlatformException} with {@code ErrorCode.INVALID_FIELD} and a
 * message of your own: the application then gets a 400 that does not blame the provider.
 *
 * <h2>Compatibility</h2>
 * Capabilities beyond the OAuth basics are {@code default} methods, so new platform capabilities
 * never break an existing plugin.
 */
public interface ElementProvider {

    /**
     * The element's metadata, configuration entries and hub resources. Called once at start-up.
     * The platform adds the common configuration keys (events, null filtering, token renewal)
     * that you do not declare yourself. Endpoint addresses should be entries of scope
     * {@code OPERATOR}, so that requests cannot redirect tokens.
     */
    ElementDefinition definition();

    /**
     * The provider's login URL for an application.
     *
     * @param request the application's id, callback URL, scope and state, already validated
     * @param configuration the element's effective defaults (with operator overrides), for endpoints
     */
    URI authorizationUrl(AuthorizationRequest request, Configuration configuration);

    /**
     * Trades the code from the provider's callback for credentials, including any steps the
     * provider needs after the plain code exchange (a long-lived token, learning the user's id).
     *
     * @param code the code from the callback, with the PKCE verifier when {@link #usesPkce()}
     * @param configuration the instance's effective configuration, secrets included
     * @param context outbound HTTP, clock and timeout
     * @throws ProviderException {@code INVALID_GRANT} when the provider refuses the code or the
     *     application's credentials; {@code TRANSIENT} or {@code TIMEOUT} on outages
     */
    TokenSet exchangeCode(AuthorizationCode code, Configuration configuration, ElementContext context);

    /**
     * Takes over credentials the application already holds (Cloud Elements' provisioning with
     * {@code "externalAuthentication": "initial"}): instead of a code, the application sends its
     * access token, and perhaps a refresh token, in the instance's configuration. The plugin checks
     * them with the provider before the platform stores anything, and answers what it learned (whose
     * token it is, its expiry and scopes), exactly as after {@link #exchangeCode}. By default an
     * element adopts nothing: the application gets a 400 and must use the code flow.
     *
     * @param given the tokens as the application sent them: access token, refresh token or null,
     *     no expiry, no scopes, no user
     * @param configuration the instance's effective configuration, secrets included
     * @param context outbound HTTP, clock and timeout
     * @throws ProviderException {@code INVALID_TOKEN} or {@code INVALID_GRANT} when the provider does
     *     not accept the token as this application's; {@code TRANSIENT} or {@code TIMEOUT} on outages
     */
    default TokenSet adoptTokens(TokenSet given, Configuration configuration, ElementContext context) {
        throw new PlatformException(ErrorCode.INVALID_FIELD, "element " + definition().key()
                + " cannot adopt tokens; provision it with providerData.code instead of externalAuthentication");
    }

    /**
     * Whether the element uses PKCE (RFC 7636). The platform then makes a verifier for each
     * authorization URL, keeps it sealed on the server (never in a URL) under the element and the
     * {@code state}, passes its challenge in {@link AuthorizationRequest#codeChallenge()}, and hands
     * it back once, with the code, to {@link #exchangeCode}.
     */
    default boolean usesPkce() {
        return false;
    }

    /**
     * Produces fresh credentials from the current ones. Called when a renewal is due, by exactly
     * one node at a time.
     *
     * @throws ProviderException {@code INVALID_TOKEN} or {@code INVALID_GRANT} when the provider
     *     no longer accepts the credentials (the instance then needs a new authorization);
     *     {@code TRANSIENT}, {@code TIMEOUT} or {@code RATE_LIMITED} when it could not answer now
     */
    TokenSet renew(TokenSet current, Configuration configuration, ElementContext context);

    /**
     * How long before the access token's expiry a renewal becomes due, whatever the renewal
     * interval says. Renewing too late risks a token the provider no longer exchanges.
     */
    default Duration renewBeforeExpiry() {
        return Duration.ofMinutes(10);
    }

    /**
     * Calls one of the element's hub resources at the provider. The platform has matched the
     * resource from {@link #definition()}, renewed the credentials if they were due and translated
     * the application's paging into {@link HubCall#page()}; the plugin sends the request (with the
     * credentials only in it) and shapes the answer: a list resource returns the array of items and
     * the provider's cursor for the next page, never the provider's URLs, which may carry tokens.
     *
     * <p>When {@link HubCall#removeNulls()} is true (the instance's {@code filter.response.nulls},
     * on by default) the plugin leaves out every object member whose value is {@code null}, at any
     * depth, from the body it returns; array elements keep their places. The platform does not
     * filter the body afterwards: the plugin has the answer parsed ({@link dev.elements.core.spi.hub.HubClient}
     * does it for plugins built on it).
     *
     * <p>Elements without resources never have this called.
     *
     * @throws ProviderException classified as for the other methods; {@code INVALID_TOKEN} makes the
     *     instance {@code NEEDS_REAUTH}
     */
    default HubResult callHub(HubCall call, ElementContext context) {
        throw new UnsupportedOperationException(definition().key() + " has no hub resources");
    }

    /**
     * The usage buckets an instance's calls count against, when the provider reports usage (see
     * {@link ProviderUsage}): the platform holds calls back for every instance sharing a bucket
     * once the provider says it is nearly used up, before the provider starts refusing them. An
     * application's budget is one bucket; a provider that also limits each user has a bucket per
     * user ({@code tokens.providerUserId()}).
     */
    default List<String> usageBuckets(Configuration configuration, TokenSet tokens) {
        return List.of();
    }

    /**
     * The provider's webhooks, when it sends them to {@code /events/{elementKey}}. Empty (the
     * default) makes those requests 404.
     */
    default Optional<ProviderWebhooks> webhooks() {
        return Optional.empty();
    }

    /**
     * The provider's signed notices about its users (removal of the application, data deletion),
     * when it sends them to {@code /events/{elementKey}/deauthorize} and {@code .../data-deletion}.
     */
    default Optional<AccountNotices> accountNotices() {
        return Optional.empty();
    }

    /** Polling for changes, when the element supports {@code event.vendor.type} {@code polling}. */
    default Optional<ProviderPoller> poller() {
        return Optional.empty();
    }
}
