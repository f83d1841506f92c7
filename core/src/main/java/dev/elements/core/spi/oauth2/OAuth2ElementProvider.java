package dev.elements.core.spi.oauth2;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.instance.Configuration;
import dev.elements.core.oauth.AuthorizationCode;
import dev.elements.core.oauth.AuthorizationRequest;
import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.spi.ElementProvider;
import dev.elements.core.spi.hub.HubClient;
import java.net.URI;
import java.util.List;

/**
 * An element whose provider speaks OAuth2: everything but what is the provider's own is done here,
 * so a plugin is its definition, its {@link OAuth2Options}, its hub client and the few steps in
 * which its provider departs from the standard, made by overriding the {@code protected} hooks.
 */
public abstract class OAuth2ElementProvider implements ElementProvider {
    private final ElementDefinition definition;
    private final OAuth2Protocol protocol;
    private final HubClient hub;

    /**
     * @param definition the element
     * @param protocol its OAuth2 flavour
     * @param hub its hub client; null for an element without resources
     */
    protected OAuth2ElementProvider(ElementDefinition definition, OAuth2Protocol protocol, HubClient hub) {
        this.definition = requireNonNull(definition, "definition");
        this.protocol = requireNonNull(protocol, "protocol");
        this.hub = hub;
        if (hub == null && !definition.resources().isEmpty()) {
            throw new IllegalArgumentException(definition.key() + " has resources but no hub client");
        }
    }

    @Override
    public final ElementDefinition definition() {
        return definition;
    }

    protected final OAuth2Protocol protocol() {
        return protocol;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request, Configuration configuration) {
        return protocol.authorizationUrl(request, configuration);
    }

    @Override
    public final boolean usesPkce() {
        return protocol.options().pkce();
    }

    @Override
    public TokenSet exchangeCode(AuthorizationCode code, Configuration configuration, ElementContext context) {
        return completeExchange(protocol.exchangeCode(code, configuration, context), configuration, context);
    }

    /**
     * Adopts tokens only once they are proven to be this application's. A resource server tells
     * whose a token is but not to which client it was issued, so a token of another application
     * would pass a "who am I" call: the proof is the refresh token, redeemed with this
     * application's client credentials (which the provider refuses for another client's token),
     * whose answer (rotated, where the provider rotates) is what is kept. Then the steps that follow
     * a code grant ({@link #completeExchange}) learn the user. Without a refresh token the
     * application cannot be proven, so nothing is adopted; a plugin whose provider can tell the
     * client of a token (Facebook's {@code debug_token}) overrides this.
     */
    @Override
    public TokenSet adoptTokens(TokenSet given, Configuration configuration, ElementContext context) {
        if (given.refreshToken() == null) {
            throw new PlatformException(ErrorCode.INVALID_FIELD, "element " + definition().key() + " adopts tokens"
                    + " only with configuration.oauth.user.refresh_token, which proves they were issued to this"
                    + " application; without it, provision with providerData.code instead");
        }
        TokenAnswer refreshed = protocol.refresh(given.refreshToken(), configuration, context);
        TokenAnswer proven = new TokenAnswer(refreshed.accessToken(),
                refreshed.refreshToken() != null ? refreshed.refreshToken() : given.refreshToken(),
                refreshed.expiresAt(), refreshed.scopes().isEmpty() ? given.scopes() : refreshed.scopes(),
                refreshed.body());
        TokenSet learned = completeExchange(proven, configuration, context);
        if (learned.providerUserId() == null) {
            return ElementProvider.super.adoptTokens(given, configuration, context);
        }
        return learned;
    }

    /**
     * The steps after the code grant: learning whose token it is, trading it for a longer-lived
     * one. By default the answer as it is, without a provider user id. They also check the tokens
     * an application hands over ({@link #adoptTokens}), where they must ask the provider whose token
     * it is.
     */
    protected TokenSet completeExchange(TokenAnswer answer, Configuration configuration, ElementContext context) {
        return answer.toTokenSet(null);
    }

    /**
     * The refresh grant with the instance's refresh token; the new refresh token replaces it when the
     * provider rotates them. A token that never expires and has no refresh token (GitHub's OAuth
     * apps) needs no renewal and stays as it is; one that expires without a refresh token cannot be
     * renewed, so the instance needs a new authorization.
     */
    @Override
    public TokenSet renew(TokenSet current, Configuration configuration, ElementContext context) {
        if (current.refreshToken() == null) {
            if (current.expiresAt() == null) {
                return current;
            }
            throw new ProviderException(ProviderError.of(ProviderErrorClass.INVALID_GRANT, "The provider issued no "
                    + "refresh token; authorize the instance again (for some providers, with the scope that grants one)"));
        }
        return protocol.refresh(current.refreshToken(), configuration, context).renewing(current);
    }

    @Override
    public HubResult callHub(HubCall call, ElementContext context) {
        if (hub == null) {
            return ElementProvider.super.callHub(call, context);
        }
        return hub.call(call, context);
    }

    @Override
    public List<String> usageBuckets(Configuration configuration, TokenSet tokens) {
        return hub == null ? List.of() : hub.usageBuckets(configuration, tokens);
    }
}
