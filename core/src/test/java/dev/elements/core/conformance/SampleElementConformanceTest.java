package dev.elements.core.conformance;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.ElementKey;
import dev.elements.core.element.ResourceDefinition;
import dev.elements.core.fake.oauth2.ClientAuthentication;
import dev.elements.core.fake.oauth2.FakeJson;
import dev.elements.core.fake.oauth2.FakeOAuth2Client;
import dev.elements.core.fake.oauth2.FakeOAuth2Options;
import dev.elements.core.fake.oauth2.FakeOAuth2Provider;
import dev.elements.core.fake.oauth2.FakeOAuth2User;
import dev.elements.core.fake.oauth2.FakeResponse;
import dev.elements.core.fake.oauth2.RefreshTokens;
import dev.elements.core.spi.ElementProvider;
import dev.elements.core.spi.hub.HubClient;
import dev.elements.core.spi.hub.HubProfile;
import dev.elements.core.spi.hub.Paging;
import dev.elements.core.spi.oauth2.OAuth2ElementProvider;
import dev.elements.core.spi.oauth2.OAuth2Options;
import dev.elements.core.spi.oauth2.OAuth2Protocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An element made of core's parts alone (the OAuth2 protocol with PKCE and Basic authentication,
 * rotating refresh tokens, the hub client with cursor paging) passes the conformance kit against
 * the generic fake provider: the parts a plugin builds on keep the SPI's promises, and the kit can
 * tell (see the kit's own failure cases).
 */
class SampleElementConformanceTest extends ElementProviderConformance {
    static final String CALLBACK = "https://app.example/callback";

    @Override
    protected ElementProvider provider() {
        return new SampleElement();
    }

    @Override
    protected ConformanceFake startFake() {
        return new SampleFake(FakeOAuth2Provider.start(FakeOAuth2Options.defaults()
                .withPkceRequired(true)
                .withClientAuthentications(ClientAuthentication.CLIENT_SECRET_BASIC)
                .withRefreshTokens(RefreshTokens.ROTATING)
                .withAccessTokenLifetime(Duration.ofHours(2))));
    }

    /** The smallest real element: a definition, the protocol's options and a hub profile. */
    static class SampleElement extends OAuth2ElementProvider {
        SampleElement() {
            super(sampleDefinition(), new OAuth2Protocol(OAuth2Options.standard().withPkce()
                    .with(dev.elements.core.spi.oauth2.ClientAuthentication.CLIENT_SECRET_BASIC)),
                    new HubClient(HubProfile.rest(Paging.bodyCursor("limit", "cursor", "/meta/next"), "/items")));
        }

        private static ElementDefinition sampleDefinition() {
            return new ElementDefinition(9001, ElementKey.of("sample"), "Sample", "A sample element", "sample.png",
                    "general", "oauth2", false, "", "https://sample.example",
                    CommonConfiguration.oauth2Entries("Sample", "read", "https://sample.example/authorize",
                            "https://sample.example/token", "https://sample.example/api"),
                    List.of(new ResourceDefinition("items", "GET", "/items", "GET", "The user's items", true)));
        }
    }

    /** The generic fake, serving the user's items in pages of {@code limit} after {@code cursor}. */
    static final class SampleFake implements ConformanceFake {
        private final FakeOAuth2Provider provider;
        private final FakeOAuth2Client client;
        private final List<String> items = new ArrayList<>();

        SampleFake(FakeOAuth2Provider provider) {
            this.provider = provider;
            this.client = provider.registerClient("sample-client", "sample-secret-" + System.nanoTime(), CALLBACK);
            provider.route("GET", "/api/items", request -> {
                int from = Integer.parseInt(request.request().query().getOrDefault("cursor", "0"));
                int limit = Integer.parseInt(request.request().query().getOrDefault("limit", "10"));
                List<FakeJson> page = new ArrayList<>();
                for (int i = from; i < Math.min(items.size(), from + limit); i++) {
                    page.add(FakeJson.object().put("id", items.get(i)).put("owner", request.user().id()));
                }
                FakeJson meta = FakeJson.object();
                if (from + limit < items.size()) {
                    meta.put("next", Integer.toString(from + limit));
                }
                return FakeResponse.json(200, FakeJson.object().putObjects("items", page).put("meta", meta));
            });
        }

        @Override
        public Map<String, String> endpoints() {
            return Map.of("oauth.authorization.url", provider.authorizationUrl(), "oauth.token.url",
                    provider.tokenUrl(), "base.url", provider.baseUrl() + "/api");
        }

        @Override
        public Map<String, String> application() {
            return Map.of("oauth.api.key", client.id(), "oauth.api.secret", client.secret(), "oauth.callback.url",
                    CALLBACK, "oauth.scope", "read");
        }

        @Override
        public String issueCode(String codeChallenge) {
            FakeOAuth2User user = provider.createUser("Ada");
            return provider.issueCode(client, user, CALLBACK, codeChallenge, "read");
        }

        @Override
        public void revokeAll() {
            provider.revokeAll();
        }

        @Override
        public void goDown() {
            provider.setDown(true);
        }

        @Override
        public void recover() {
            provider.setDown(false);
        }

        @Override
        public String seededList(int count) {
            for (int i = 0; i < count; i++) {
                items.add("item-" + items.size());
            }
            return "items";
        }

        @Override
        public void close() {
            provider.close();
        }
    }
}
