package dev.elements.twitter;

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
import dev.elements.core.spi.oauth2.ClientAuthentication;
import dev.elements.core.spi.oauth2.OAuth2ElementProvider;
import dev.elements.core.spi.oauth2.OAuth2Options;
import dev.elements.core.spi.oauth2.OAuth2Protocol;
import dev.elements.core.spi.oauth2.TokenAnswer;
import java.util.Map;

/**
 * The twitter element: X's OAuth 2.0 with PKCE for a confidential client, and X API v2 behind the
 * social hub. X's access tokens live two hours and its refresh tokens are single-use, so each
 * renewal's new refresh token replaces the spent one (core's refresh grant does that).
 */
public final class TwitterElementProvider extends OAuth2ElementProvider {
    private static final OAuth2Options OPTIONS = OAuth2Options.standard().withPkce()
            .with(ClientAuthentication.CLIENT_SECRET_BASIC);

    private final HubClient hub;

    public TwitterElementProvider() {
        this(TwitterHub.client());
    }

    private TwitterElementProvider(HubClient hub) {
        super(TwitterElementDefinition.create(), new OAuth2Protocol(OPTIONS), hub);
        this.hub = hub;
    }

    /** X's token answer does not say whose token it is; renewal and the per-user usage bucket need the user id. */
    @Override
    protected TokenSet completeExchange(TokenAnswer answer, Configuration configuration, ElementContext context) {
        TokenSet tokens = answer.toTokenSet(null);
        HubResult me = hub.call(new HubCall(TwitterResources.ME, Map.of(), Map.of(), null, null, tokens, configuration,
                null, true, null), context);
        String id = Json.parse(me.body()).path("id").text();
        if (id == null || !id.matches(TwitterFacts.ID_PATTERN)) {
            throw new ProviderException(ProviderError.silent(ProviderErrorClass.TRANSIENT),
                    "X answered /users/me without the user's id", null);
        }
        return answer.toTokenSet(id);
    }

    @Override
    public HubResult callHub(HubCall call, ElementContext context) {
        return super.callHub(OwnUser.resolved(call), context);
    }
}
