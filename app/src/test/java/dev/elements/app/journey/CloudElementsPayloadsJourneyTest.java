package dev.elements.app.journey;

import static dev.elements.app.journey.JourneyServer.CALLBACK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.app.ElementsApi;
import dev.elements.facebook.fake.BrowserLogin;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The built server with requests shaped as Cloud Elements' documentation shows them (SAP Open
 * Connectors, "Authenticate a Connector Instance (API)"; the seed's {@code oauth/url} example with
 * {@code callbackUrl} and no scheme), the fake Facebook behind the operator overrides; and what
 * {@code ELEMENTS_COMPAT_TOKEN_READBACK} costs on disk: nothing in plaintext, on or off.
 */
class CloudElementsPayloadsJourneyTest {
    private static final String USER_SECRET = "canary-user-secret-payloads-0f1e2d3c4b5a";
    private static final String ORGANIZATION_SECRET = "canary-organization-secret-payloads-9a8b";
    private static final String APP_SECRET = "canary-app-secret-payloads-77";
    /** {@link JourneyServer#CALLBACK} as the seed's example writes callbacks: without a scheme. */
    private static final String SCHEMELESS_CALLBACK = CALLBACK.substring("https://".length());

    @RegisterExtension
    final JourneyServer server = new JourneyServer();
    private final FakeFacebook facebook = server.facebook();
    private FakeApp app;
    private FakeUser ada;
    private TestHttpClient client;

    @BeforeEach
    void registerTheApp() {
        app = facebook.registerApp("5647382910", APP_SECRET, CALLBACK);
        ada = facebook.createUser("Ada Lovelace");
        facebook.loginAs(ada);
    }

    private void startServer(boolean tokenReadback) {
        Map<String, String> settings = server.settings(ORGANIZATION_SECRET, USER_SECRET);
        settings.put("ELEMENTS_COMPAT_TOKEN_READBACK", Boolean.toString(tokenReadback));
        client = ElementsApi.asUser(server.start(settings).port(), USER_SECRET, ORGANIZATION_SECRET);
    }

    private Map<String, Object> configuration() {
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("oauth.api.key", app.id());
        configuration.put("oauth.api.secret", APP_SECRET);
        configuration.put("oauth.callback.url", SCHEMELESS_CALLBACK);
        configuration.put("event.poller.configuration", Map.of("feed", Map.of("url", "/hubs/social/feed",
                "idField", "id")));
        return configuration;
    }

    /** The seed's two steps: {@code oauth/url} with a scheme-less callback, then {@code POST /instances}. */
    private JsonNode provisionAsTheSeedDoes(String name) {
        TestResponse url = client.get("/elements/facebooksocial/oauth/url?apiKey=" + app.id() + "&apiSecret="
                + ElementsApi.encode(APP_SECRET) + "&callbackUrl=" + ElementsApi.encode(SCHEMELESS_CALLBACK));
        assertThat(url.status()).as(url.body()).isEqualTo(200);
        String code = new BrowserLogin().open(URI.create(url.json().path("oauthUrl").asText())).requireCode();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("element", Map.of("key", "facebooksocial"));
        body.put("providerData", Map.of("code", code));
        body.put("configuration", configuration());
        body.put("tags", List.of("seed"));
        body.put("name", name);
        TestResponse created = client.postJson("/instances", ElementsApi.json(body));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json();
    }

    @Test
    void cloudElementsBodiesWorkAndTheElementTokenIsShownOnceAndStoredNowhere() {
        startServer(false);

        JsonNode instance = provisionAsTheSeedDoes("Ada's page");
        long id = instance.path("id").asLong();
        String elementToken = instance.path("token").asText();
        JsonNode configuration = instance.path("configuration");
        assertThat(configuration.path("oauth.callback.url").asText()).isEqualTo(CALLBACK);
        assertThat(configuration.path("event.poller.configuration").path("feed").path("idField").asText())
                .isEqualTo("id");
        assertThat(instance.path("user").path("firstName").isTextual()).isTrue();
        assertThat(instance.path("user").path("lastName").isTextual()).isTrue();

        TestResponse renamed = client.putJson("/instances/" + id, "{\"name\": \"Renamed\", \"tags\": [\"b\"]}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().path("configuration")).isEqualTo(configuration);
        assertThat(renamed.json().path("token").asText()).isEqualTo("********");
        assertThat(client.get("/instances/" + id).json().path("token").asText()).isEqualTo("********");

        String hub = "/hubs/social/user/me";
        assertThat(client.withHeader("Authorization", ElementsApi.platformAuthorization(USER_SECRET,
                ORGANIZATION_SECRET) + ", Element " + elementToken).get(hub).status()).isEqualTo(200);

        server.stop();
        server.assertNoSecretPrinted("Renamed", secretsOf(elementToken));
    }

    @Test
    void withReadBackTheTokenIsShownOnEveryReadYetStoredOnlySealed() {
        startServer(true);

        JsonNode instance = provisionAsTheSeedDoes("Ada's page");
        long id = instance.path("id").asLong();
        String elementToken = instance.path("token").asText();
        assertThat(client.get("/instances/" + id).json().path("token").asText()).isEqualTo(elementToken);
        assertThat(client.get("/instances").json().get(0).path("token").asText()).isEqualTo(elementToken);

        String regenerated = client.postJson("/instances/" + id + "/token", "{}").json().path("token").asText();
        assertThat(regenerated).isNotEqualTo(elementToken);
        assertThat(client.get("/instances/" + id).json().path("token").asText()).isEqualTo(regenerated);

        server.stop();
        List<String> secrets = secretsOf(regenerated);
        secrets.add(elementToken);
        server.assertNoSecretPrinted("Ada's page", secrets);
    }

    /** {@code externalAuthentication: "initial"}: the tokens the application holds, checked by debug_token. */
    @Test
    void externalAuthenticationAdoptsAHeldTokenAndRefusesAForeignOne() {
        startServer(false);
        String held = facebook.issueUserToken(app, ada, "public_profile");
        FakeApp other = facebook.registerApp("1111111111", "other-app-secret", CALLBACK);
        String foreign = facebook.issueUserToken(other, ada, "public_profile");

        TestResponse adopted = client.postJson("/instances", ElementsApi.json(externalBody(held, "Held")));
        TestResponse refused = client.postJson("/instances", ElementsApi.json(externalBody(foreign, "Foreign")));

        assertThat(adopted.status()).as(adopted.body()).isEqualTo(200);
        assertThat(adopted.body()).doesNotContain(held);
        assertThat(facebook.codeExchanges()).isZero();
        String hubAuthorization = ElementsApi.platformAuthorization(USER_SECRET, ORGANIZATION_SECRET)
                + ", Element " + adopted.json().path("token").asText();
        TestResponse me = client.withHeader("Authorization", hubAuthorization).get("/hubs/social/user/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("id").asText()).isEqualTo(ada.id());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain(foreign);
        assertThat(client.get("/instances").json()).hasSize(1);

        server.stop();
        List<String> secrets = secretsOf(adopted.json().path("token").asText());
        secrets.add(held);
        secrets.add(foreign);
        server.assertNoSecretPrinted("Held", secrets);
    }

    private Map<String, Object> externalBody(String token, String name) {
        Map<String, Object> configuration = configuration();
        configuration.put("oauth.user.token", token);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("element", Map.of("key", "facebooksocial"));
        body.put("externalAuthentication", "initial");
        body.put("configuration", configuration);
        body.put("name", name);
        return body;
    }

    private List<String> secretsOf(String elementToken) {
        List<String> secrets = new java.util.ArrayList<>(List.of(USER_SECRET, ORGANIZATION_SECRET, APP_SECRET,
                elementToken));
        secrets.addAll(facebook.tokensOf(ada));
        return secrets;
    }
}
