package dev.elements.core.spi.oauth2;

import dev.elements.core.fake.oauth2.FakeOAuth2Client;
import dev.elements.core.fake.oauth2.FakeOAuth2Options;
import dev.elements.core.fake.oauth2.FakeOAuth2Provider;
import dev.elements.core.fake.oauth2.FakeOAuth2User;
import dev.elements.core.instance.Configuration;
import dev.elements.core.net.JdkProviderHttp;
import dev.elements.core.oauth.AuthorizationCode;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.spi.ElementContext;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The generic fake provider with one application and one user, and the configuration pointing at it. */
public final class ProviderFixture implements AutoCloseable {
    public static final String CALLBACK = "https://app.example/callback";
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    public final FakeOAuth2Provider provider;
    public final FakeOAuth2Client client;
    public final FakeOAuth2User user;
    public final ElementContext context = ElementContext.of(new JdkProviderHttp(TIMEOUT), Clock.systemUTC(), TIMEOUT);

    public ProviderFixture(FakeOAuth2Options options) {
        provider = FakeOAuth2Provider.start(options);
        client = provider.registerClient("fixture-client", "fixture-secret-" + System.nanoTime(), CALLBACK);
        user = provider.createUser("Ada");
    }

    public Configuration configuration() {
        return configuration(Map.of());
    }

    public Configuration configuration(Map<String, String> more) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("oauth.api.key", client.id());
        values.put("oauth.api.secret", client.secret());
        values.put("oauth.callback.url", CALLBACK);
        values.put("oauth.scope", "read");
        values.put("oauth.authorization.url", provider.authorizationUrl());
        values.put("oauth.token.url", provider.tokenUrl());
        values.put("base.url", provider.baseUrl() + "/api/");
        values.putAll(more);
        return Configuration.of(values);
    }

    /** Credentials for the user, through the protocol's own code grant. */
    public TokenSet tokens(OAuth2Protocol protocol) {
        String code = provider.issueCode(client, user, CALLBACK, null, "read");
        return protocol.exchangeCode(AuthorizationCode.of(code), configuration(), context).toTokenSet(user.id());
    }

    @Override
    public void close() {
        provider.close();
    }
}
