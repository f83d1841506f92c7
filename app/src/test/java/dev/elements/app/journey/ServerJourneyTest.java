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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Cloud Elements "Facebook: Create Instance" flow, walked as a client would walk it against the
 * server started the way Main starts it: fresh data directory, the fake Facebook behind the
 * operator overrides, secrets that are canaries.
 */
class ServerJourneyTest {
    private static final String USER_SECRET = "canary-user-secret-8c1d-5e7f9a1b3c5d";
    private static final String ORGANIZATION_SECRET = "canary-organization-secret-51fe-a2c4";
    private static final String APP_SECRET = "canary-app-secret-a7b2";

    @RegisterExtension
    final JourneyServer server = new JourneyServer();
    private final FakeFacebook facebook = server.facebook();
    private FakeApp app;
    private FakeUser ada;
    private TestHttpClient client;

    @BeforeEach
    void start() {
        app = facebook.registerApp("1029384756", APP_SECRET, CALLBACK, CALLBACK + "/other");
        ada = facebook.createUser("Ada Lovelace");
        facebook.loginAs(ada);
        startServer();
    }

    private void startServer() {
        Map<String, String> settings = server.settings(ORGANIZATION_SECRET, USER_SECRET);
        settings.put("ELEMENTS_PROVIDER_TIMEOUT_MS", "1500");
        client = ElementsApi.asUser(server.start(settings).port(), USER_SECRET, ORGANIZATION_SECRET);
    }

    /** The same client with a User and Organization secret of the caller's choosing. */
    private TestHttpClient asUser(String userSecret, String organizationSecret) {
        return client.withHeader("Authorization", ElementsApi.platformAuthorization(userSecret, organizationSecret));
    }

    private String login(String callback) {
        return ElementsApi.facebookCode(client, app, callback);
    }

    private static Map<String, Object> instanceBody(String code, Map<String, String> configuration, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("element", Map.of("key", "facebooksocial"));
        body.put("providerData", Map.of("code", code));
        body.put("configuration", configuration);
        body.put("tags", List.of("<i>social</i>", "seed"));
        body.put("name", name);
        return body;
    }

    private TestResponse provision(Map<String, Object> body) {
        return client.postJson("/instances", ElementsApi.json(body));
    }

    private Map<String, String> configuration(String callback) {
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("oauth.api.key", app.id());
        configuration.put("oauth.api.secret", APP_SECRET);
        configuration.put("oauth.callback.url", callback);
        configuration.put("oauth.scope", "public_profile,email");
        return configuration;
    }

    @Test
    void provisionsAFacebookInstanceAndKeepsItAcrossARestartWithoutLeakingASecret() {
        TestResponse getUrl = client.get("/elements/facebooksocial/oauth/url?apiKey=" + app.id() + "&apiSecret="
                + ElementsApi.encode(APP_SECRET) + "&callbackUrl=" + ElementsApi.encode(CALLBACK)
                + "&scope=public_profile,email&state=xyz");
        TestResponse postUrl = client.postJson("/elements/facebooksocial/oauth/url", ElementsApi.json(Map.of(
                "apiKey", app.id(), "apiSecret", APP_SECRET, "callbackUrl", CALLBACK, "scope", "public_profile,email", "state", "xyz")));
        assertThat(getUrl.status()).isEqualTo(200);
        assertThat(postUrl.json()).isEqualTo(getUrl.json());
        assertThat(getUrl.json().path("element").asText()).isEqualTo("facebooksocial");
        String oauthUrl = getUrl.json().path("oauthUrl").asText();
        assertThat(oauthUrl).startsWith(facebook.authorizationUrl()).doesNotContain(APP_SECRET);

        BrowserLogin.Callback callback = new BrowserLogin().open(URI.create(oauthUrl));
        assertThat(callback.state()).contains("xyz");
        String code = callback.requireCode();

        TestResponse created = provision(instanceBody(code, configuration(CALLBACK), "<b>Ada's</b> Facebook page"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode instance = created.json();
        String elementToken = instance.path("token").asText();
        long id = instance.path("id").asLong();
        assertThat(elementToken).hasSizeGreaterThanOrEqualTo(43);
        assertThat(instance.path("name").asText()).isEqualTo("Ada's Facebook page");
        assertThat(instance.path("tags")).extracting(JsonNode::asText).containsExactly("social", "seed");
        assertThat(instance.path("element").path("key").asText()).isEqualTo("facebooksocial");
        assertThat(instance.path("element").path("id").asLong()).isEqualTo(48);
        assertThat(instance.path("valid").asBoolean()).isTrue();
        assertThat(instance.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(instance.path("user").path("emailAddress").asText()).isNotEmpty();
        JsonNode configuration = instance.path("configuration");
        assertThat(configuration.path("oauth.api.key").asText()).isEqualTo(app.id());
        assertThat(configuration.path("oauth.api.secret").asText()).isEqualTo("********");
        assertThat(configuration.path("oauth.user.token").asText()).isEqualTo("********");
        assertThat(configuration.path("base.url").asText()).isEqualTo(facebook.graphUrl());
        assertThat(facebook.codeExchanges()).isEqualTo(1);
        assertThat(facebook.longLivedExchanges()).isEqualTo(1);

        TestResponse read = client.get("/instances/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("token").asText()).isEqualTo("********");
        assertThat(read.json().path("configuration")).isEqualTo(configuration);

        startServer();
        TestResponse afterRestart = client.get("/instances/" + id);
        assertThat(afterRestart.status()).isEqualTo(200);
        assertThat(afterRestart.json().path("name").asText()).isEqualTo("Ada's Facebook page");
        assertThat(afterRestart.json().path("configuration")).isEqualTo(configuration);
        server.stop();

        List<String> secrets = new ArrayList<>(List.of(USER_SECRET, ORGANIZATION_SECRET, APP_SECRET, elementToken,
                code));
        secrets.addAll(facebook.tokensOf(ada));
        assertThat(facebook.tokensOf(ada)).hasSize(2);
        server.assertNoSecretPrinted("Ada's Facebook page", secrets);
        assertThat(server.logs()).contains("POST /elements/api-v2/instances 200");
    }

    @Test
    void theLifecycleOnTheRealDatabaseLosesNothingWhenFacebookIsDownDuringAReauthorization() {
        TestResponse created = provision(instanceBody(login(CALLBACK), configuration(CALLBACK), "kept"));
        long id = created.json().path("id").asLong();
        String providerToken = facebook.latestTokenOf(ada).orElseThrow();
        JsonNode before = client.get("/instances/" + id).json();

        String code = login(CALLBACK);
        facebook.setDown(true);
        Map<String, Object> reauthorize = instanceBody(code, configuration(CALLBACK), "renamed in vain");
        TestResponse refused = client.putJson("/instances/" + id, ElementsApi.json(reauthorize));
        facebook.setDown(false);

        assertThat(refused.status()).isEqualTo(502);
        assertThat(client.get("/instances/" + id).json()).isEqualTo(before);
        assertThat(facebook.isValidToken(providerToken)).isTrue();
        TestResponse reauthorized = client.putJson("/instances/" + id, ElementsApi.json(reauthorize));
        assertThat(reauthorized.status()).as(reauthorized.toString()).isEqualTo(200);
        assertThat(reauthorized.json().path("name").asText()).isEqualTo("renamed in vain");
        assertThat(facebook.latestTokenOf(ada)).isNotEqualTo(java.util.Optional.of(providerToken));

        assertThat(client.patchJson("/instances/" + id + "/configuration/42", "{\"propertyValue\": \"x\"}")
                .status()).isEqualTo(404);
        assertThat(client.patchJson("/instances/" + id, "{\"tags\": \"not a list\"}").status()).isEqualTo(400);
        assertThat(client.get("/instances/987654").status()).isEqualTo(404);
        assertThat(client.delete("/instances/" + id).status()).isEqualTo(200);
        assertThat(client.get("/instances/" + id).status()).isEqualTo(404);
    }

    @Test
    void aDeactivatedUsersSecretIsRefusedByTheRealServer() {
        TestResponse added = client.postJson("/organizations/users",
                ElementsApi.json(Map.of("emailAddress", "dev@app.example", "role", "org")));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        String secret = added.json().path("secret").asText();
        TestHttpClient developer = asUser(secret, ORGANIZATION_SECRET);
        assertThat(developer.get("/users").status()).isEqualTo(200);

        TestResponse deactivated = client.patchJson("/users/" + added.json().path("id").asLong(),
                "{\"active\": false}");

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(developer.get("/users").status()).isEqualTo(401);
        startServer();
        assertThat(asUser(secret, ORGANIZATION_SECRET).get("/users").status()).as("the deactivation is stored").isEqualTo(401);
    }

    @Test
    void namesEveryMissingConfigurationKey() {
        TestResponse refused = provision(instanceBody("any-code", Map.of("oauth.api.key", app.id()), "incomplete"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("message").asText())
                .isEqualTo("Missing required configuration: oauth.api.secret, oauth.callback.url");
        assertThat(refused.json().path("requestId").asText()).isEqualTo(refused.header("Elements-Request-Id"));
        assertThat(facebook.codeExchanges()).isZero();
    }

    @Test
    void aUsedCodeIsRefusedWithFacebooksWords() {
        String code = login(CALLBACK);
        assertThat(provision(instanceBody(code, configuration(CALLBACK), "first")).status())
                .isEqualTo(200);

        TestResponse again = provision(instanceBody(code, configuration(CALLBACK), "second"));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("providerMessage").asText()).isEqualTo("This authorization code has been used.");
    }

    @Test
    void aCallbackUrlOtherThanTheLoginsIsRefused() {
        String code = login(CALLBACK);

        TestResponse refused = provision(instanceBody(code, configuration(CALLBACK + "/other"), "x"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("providerMessage").asText()).contains("redirect_uri");
    }

    @Test
    void aWrongAppSecretIsRefusedByFacebookAndNotEchoed() {
        Map<String, String> configuration = configuration(CALLBACK);
        configuration.put("oauth.api.secret", "canary-wrong-app-secret");

        TestResponse refused = provision(instanceBody(login(CALLBACK), configuration, "x"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("providerMessage").asText()).isEqualTo("Error validating client secret.");
        assertThat(refused.body()).doesNotContain("canary-wrong-app-secret");
    }

    @Test
    void wrongOrMissingPlatformSecretsAre401() {
        TestResponse wrongUser = asUser("not-the-user", ORGANIZATION_SECRET).get("/elements");
        TestResponse wrongOrganization = asUser(USER_SECRET, "not-the-organization").get("/instances/1");
        TestResponse none = client.withHeader("Authorization", null).postJson("/instances", "{}");

        assertThat(List.of(wrongUser.status(), wrongOrganization.status(), none.status())).containsOnly(401);
        assertThat(wrongUser.json().path("message").asText()).isEqualTo("Invalid User or Organization secret");
        assertThat(wrongUser.body()).doesNotContain("not-the-user");
    }

    @Test
    void malformedJsonAndUnknownElementsAreExplained() {
        TestResponse malformed = client.postJson("/instances", "{\"element\": {\"key\": \"facebooksocial\"");
        Map<String, Object> myspace = instanceBody("c", configuration(CALLBACK), "x");
        myspace.put("element", Map.of("key", "myspace"));
        TestResponse unknownInBody = provision(myspace);
        TestResponse unknownRoute = client.get("/elements/myspace");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("message").asText()).containsIgnoringCase("json");
        assertThat(unknownInBody.status()).isEqualTo(400);
        assertThat(unknownInBody.json().path("message").asText()).contains("myspace");
        assertThat(unknownRoute.status()).isEqualTo(404);
    }

    @Test
    void aFacebookOutageIs502AndASlowFacebook504() {
        String code = login(CALLBACK);
        facebook.setDown(true);
        TestResponse down = provision(instanceBody(code, configuration(CALLBACK), "x"));
        facebook.setDown(false);

        assertThat(down.status()).isEqualTo(502);
        assertThat(down.json().has("providerMessage")).isFalse();
        TestResponse stillUsable = provision(instanceBody(code, configuration(CALLBACK), "x"));
        assertThat(stillUsable.status()).as("the code was never spent").isEqualTo(200);

        facebook.setLatency(Duration.ofMillis(2500));
        TestResponse slow = provision(instanceBody(login(CALLBACK), configuration(CALLBACK), "x"));
        assertThat(slow.status()).isEqualTo(504);
        assertThat(slow.json().path("message").asText()).contains("did not answer in time");
    }
}
