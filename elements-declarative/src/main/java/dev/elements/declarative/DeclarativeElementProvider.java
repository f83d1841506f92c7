package dev.elements.declarative;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.ResourceDefinition;
import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.instance.Configuration;
import dev.elements.core.json.Json;
import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.spi.hub.HubClient;
import dev.elements.core.spi.hub.HubProfile;
import dev.elements.core.spi.oauth2.OAuth2ElementProvider;
import dev.elements.core.spi.oauth2.OAuth2Options;
import dev.elements.core.spi.oauth2.OAuth2Protocol;
import dev.elements.core.spi.oauth2.TokenAnswer;
import java.util.Map;

/**
 * An element made from a JSON document: core's OAuth2 protocol and hub client configured by the
 * document, and the one step every provider does its own way expressed as data: after the code
 * exchange, a GET of the document's user path with the new token, whose answer holds the user's id
 * at the document's pointer.
 */
public final class DeclarativeElementProvider extends OAuth2ElementProvider {
    private final HubClient hub;
    private final ResourceDefinition whoAmI;
    private final String userIdPointer;
    private final String source;

    DeclarativeElementProvider(ElementDefinition definition, OAuth2Options options, HubProfile profile,
            String userPath, String userIdPointer, String source) {
        this(definition, new OAuth2Protocol(options), new HubClient(profile), userPath, userIdPointer, source);
    }

    private DeclarativeElementProvider(ElementDefinition definition, OAuth2Protocol protocol, HubClient hub,
            String userPath, String userIdPointer, String source) {
        super(definition, protocol, hub);
        this.hub = hub;
        this.whoAmI = new ResourceDefinition("oauth2/user", "GET", requireNonNull(userPath, "userPath"), "GET",
                "Whose token it is", false);
        this.userIdPointer = requireNonNull(userIdPointer, "userIdPointer");
        this.source = requireNonNull(source, "source");
    }

    @Override
    protected TokenSet completeExchange(TokenAnswer answer, Configuration configuration, ElementContext context) {
        HubResult user = hub.call(new HubCall(whoAmI, Map.of(), Map.of(), null, null, answer.toTokenSet(null),
                configuration, null, false, null), context);
        String userId = Json.parse(user.body()).at(userIdPointer).textIfAny().orElseThrow(() ->
                new ProviderException(ProviderError.silent(ProviderErrorClass.TRANSIENT), "The provider's "
                        + whoAmI.vendorPath() + " answered without a user id at " + userIdPointer, null));
        return answer.toTokenSet(userId);
    }

    /** Names the document the element was made from, as the registry's log line shows providers. */
    @Override
    public String toString() {
        return "DeclarativeElementProvider[" + definition().key() + " from " + source + "]";
    }
}
