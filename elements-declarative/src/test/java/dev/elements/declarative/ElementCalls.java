package dev.elements.declarative;

import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.hub.PageRequest;
import dev.elements.core.hub.ResourceMatcher;
import dev.elements.core.instance.Configuration;
import dev.elements.core.net.JdkProviderHttp;
import dev.elements.core.oauth.AuthorizationCode;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.spi.ElementProvider;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A shipped element called as the platform calls it, pointed at a fake. */
final class ElementCalls {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ElementProvider provider;
    private final Configuration configuration;
    private final ElementContext context = ElementContext.of(new JdkProviderHttp(TIMEOUT), Clock.systemUTC(), TIMEOUT);

    ElementCalls(ElementProvider provider, Map<String, String> endpoints, String clientId, String secret,
            String callback) {
        this.provider = provider;
        Map<String, String> values = new LinkedHashMap<>(provider.definition().defaults());
        values.putAll(endpoints);
        values.put("oauth.api.key", clientId);
        values.put("oauth.api.secret", secret);
        values.put("oauth.callback.url", callback);
        this.configuration = Configuration.of(values);
    }

    Configuration configuration() {
        return configuration;
    }

    /** Tokens an application holds, handed over as with {@code externalAuthentication}. */
    TokenSet adopt(TokenSet held) {
        return provider.adoptTokens(held, configuration, context);
    }

    TokenSet exchange(String code) {
        return provider.exchangeCode(AuthorizationCode.of(code), configuration, context);
    }

    TokenSet renew(TokenSet tokens) {
        return provider.renew(tokens, configuration, context);
    }

    HubResult call(String method, String path, TokenSet tokens, String body, PageRequest page) {
        ResourceMatcher.Match match = ResourceMatcher.match(provider.definition().resources(), method, path);
        return provider.callHub(new HubCall(match.resource(), match.pathParameters(), Map.of(), null,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), tokens, configuration,
                match.resource().paged() ? page : null, true, null), context);
    }
}
