package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.TestResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies shaped as Cloud Elements' documentation shows them, over a real server: SAP Open
 * Connectors, "Authenticate a Connector Instance (API)" (help.openconnectors.ext.hana.ondemand.com/
 * home/authenticate-instance-api) for {@code POST /instances}; the seed's {@code oauth/url} example
 * with a callback without a scheme; a {@code PUT} of {@code {name, tags}}.
 */
class CloudElementsPayloadsTest {
    private static final String INSTANCES = ApiServer.INSTANCES;

    private ApiServer server = ApiServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private static String body(String providerPart, String extraConfiguration) {
        return """
                {"element": {"key": "scripted"}, %s
                 "configuration": {"oauth.api.key": "app-id", "oauth.api.secret": "app-secret-value",
                                   "oauth.callback.url": "www.mycoolapp.com/auth"%s},
                 "tags": ["t"], "name": "n"}""".formatted(providerPart, extraConfiguration);
    }

    @Test
    void undeclaredKeysOfEveryJsonTypeAreKeptAndComeBackAsSent() {
        String code = server.acceptedCode();
        TestResponse created = server.postJson(INSTANCES, server.auth(), body(
                "\"providerData\": {\"code\": \"" + code + "\"},", """
                , "event.poller.configuration": {"posts": {"url": "/hubs/social/posts", "idField": "id"}},
                  "event.poller.urls": ["posts"], "my.flag": true, "my.count": 3, "my.name": "x\"""".stripTrailing()));

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode configuration = created.json().path("configuration");
        assertThat(configuration.path("event.poller.configuration").path("posts").path("idField").asText())
                .isEqualTo("id");
        assertThat(configuration.path("event.poller.urls").isArray()).isTrue();
        assertThat(configuration.path("my.flag").asText()).isEqualTo("true");
        assertThat(configuration.path("my.count").asText()).isEqualTo("3");
        assertThat(configuration.path("my.name").asText()).isEqualTo("x");
        assertThat(configuration.path("oauth.callback.url").asText()).isEqualTo("https://www.mycoolapp.com/auth");

        long id = created.json().path("id").asLong();
        TestResponse read = server.get(INSTANCES + "/" + id, server.auth());
        assertThat(read.json().path("configuration")).isEqualTo(configuration);
    }

    @Test
    void endpointAddressesStayRefusedWhetherTheElementDeclaresThemOrNot() {
        for (String key : List.of("base.url", "oauth.token.url", "oauth.revoke.url")) {
            TestResponse refused = server.postJson(INSTANCES, server.auth(), body(
                    "\"providerData\": {\"code\": \"" + server.acceptedCode() + "\"},",
                    ", \"" + key + "\": \"https://attacker.example\""));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.message()).contains(key).contains("cannot be set by a request");
        }
    }

    @Test
    void theOauthUrlOfTheSeedsExampleIsCompletedWithHttps() {
        TestResponse answer = server.get(ApiServer.BASE + "/elements/scripted/oauth/url"
                + "?apiKey=app-id&apiSecret=s&callbackUrl=www.mycoolapp.com/auth", server.auth());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("oauthUrl").asText())
                .contains("redirect_uri=https%3A%2F%2Fwww.mycoolapp.com%2Fauth");

        TestResponse refused = server.get(ApiServer.BASE + "/elements/scripted/oauth/url"
                + "?apiKey=app-id&callbackUrl=ftp://files.example/cb", server.auth());
        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void putWithNameAndTagsKeepsTheConfiguration() {
        JsonNode created = server.provision(server.auth(), "before", List.of("old"));
        long id = created.path("id").asLong();

        TestResponse renamed = server.put(INSTANCES + "/" + id, server.auth(), """
                {"name": "after", "tags": ["new"]}""");

        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().path("name").asText()).isEqualTo("after");
        assertThat(renamed.json().path("tags").toString()).isEqualTo("[\"new\"]");
        assertThat(renamed.json().path("configuration")).isEqualTo(created.path("configuration"));
    }

    @Test
    void externalAuthenticationCreatesFromHeldTokensWithoutEchoingThem() {
        server.provider.adoptable("held-access-token", "provider-user-held");

        TestResponse created = server.postJson(INSTANCES, server.auth(), body("\"externalAuthentication\": \"initial\",",
                ", \"oauth.user.token\": \"held-access-token\", \"oauth.user.refresh_token\": \"held-refresh\""));

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().path("configuration").path("oauth.user.token").asText()).isEqualTo("********");
        assertThat(created.body()).doesNotContain("held-access-token").doesNotContain("held-refresh");
        assertThat(server.provider.exchanges()).isZero();

        String hubAuthorization = ApiServer.withToken(server.auth(), created.json().path("token").asText());
        assertThat(server.get(ApiServer.BASE + "/hubs/testing/items", hubAuthorization).status()).isEqualTo(200);
    }

    @Test
    void aHeldTokenTheProviderRefusesIs400AndStoresNothing() {
        server.provider.adoptable("live-token", "u");

        TestResponse refused = server.postJson(INSTANCES, server.auth(), body("\"externalAuthentication\": \"initial\",",
                ", \"oauth.user.token\": \"dead-token\""));
        TestResponse unknownKind = server.postJson(INSTANCES, server.auth(), body("\"externalAuthentication\": \"later\",",
                ", \"oauth.user.token\": \"live-token\""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("oauth.user.token");
        assertThat(refused.body()).doesNotContain("dead-token");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.message()).contains("externalAuthentication");
        assertThat(server.get(INSTANCES, server.auth()).json()).isEmpty();
    }

    @Test
    void withReadBackTheOwningOrganizationSeesTheTokenOnEveryRead() {
        server.close();
        server = ApiServer.start(builder -> builder.elementTokenReadback(true));
        JsonNode created = server.provision(server.auth(), "n", List.of());
        String token = created.path("token").asText();

        assertThat(server.get(INSTANCES + "/" + created.path("id").asLong(), server.auth()).json().path("token")
                .asText()).isEqualTo(token);
        assertThat(server.get(INSTANCES, server.auth()).json().get(0).path("token").asText()).isEqualTo(token);
        assertThat(server.get(INSTANCES + "/" + created.path("id").asLong(), server.otherOrganization()).status())
                .isEqualTo(404);
    }
}
