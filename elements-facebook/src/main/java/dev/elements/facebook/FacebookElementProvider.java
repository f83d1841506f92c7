package dev.elements.facebook;

import dev.elements.core.oauth.AuthorizationCode;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.instance.Configuration;
import dev.elements.core.oauth.AuthorizationRequest;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.spi.ElementProvider;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The facebooksocial element: Facebook Login and the Graph API behind the social hub. */
public final class FacebookElementProvider implements ElementProvider {
    private final ElementDefinition definition = FacebookElementDefinition.create();

    @Override
    public ElementDefinition definition() {
        return definition;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request, Configuration configuration) {
        return FacebookOAuth.authorizationUrl(request.apiKey(), request.callbackUrl(), request.scope(),
                request.state(), configuration);
    }

    @Override
    public TokenSet exchangeCode(AuthorizationCode code, Configuration configuration, ElementContext context) {
        return FacebookOAuth.exchangeCode(code.code(), configuration, context);
    }

    @Override
    public TokenSet renew(TokenSet current, Configuration configuration, ElementContext context) {
        return FacebookOAuth.renew(current, configuration, context);
    }

    /**
     * An expired Facebook token can no longer be exchanged, so renew a day ahead; long-lived tokens
     * last about sixty days.
     */
    @Override
    public Duration renewBeforeExpiry() {
        return Duration.ofDays(1);
    }

    /** The social hub: each resource mapped to its Graph path, with the token and appsecret_proof. */
    @Override
    public HubResult callHub(HubCall call, ElementContext context) {
        return FacebookHub.call(call, context);
    }

    /** Facebook counts calls against the app, so every instance of one app id shares a bucket. */
    @Override
    public List<String> usageBuckets(Configuration configuration, TokenSet tokens) {
        return FacebookUsage.bucketOf(configuration).map(List::of).orElse(List.of());
    }
}
