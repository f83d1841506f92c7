package dev.elements.core.spi.oauth2;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementDefinition;
import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.instance.Configuration;
import dev.elements.core.json.JsonObject;
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
     * Adopts tokens through the same steps that follow a code grant ({@link #completeExchange}),
     * which ask the provider whose token it is: a dead or foreign token is refused there. An element
     * whose steps do not learn the user never asked the provider, so it adopts nothing, rather than
     * store a token nobody checked.
     */
    @Override
    public TokenSet adoptTokens(TokenSet given, Configuration configuration, ElementContext context) {
        TokenSet learned = completeExchange(new TokenAnswer(given.accessToken(), given.refreshToken(),
                given.expiresAt(), given.scopes(), JsonObject.of(java.util.Map.of())), configuration, context);
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
