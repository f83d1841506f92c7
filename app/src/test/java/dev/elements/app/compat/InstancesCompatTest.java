package dev.elements.app.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.app.ElementsApi;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The instance routes as Cloud Elements' documentation and its test suite (churros) use them:
 * updates that name only what changes, tolerant configuration, tokens the application already
 * holds, the token-scoped forms, and the answers to bad requests.
 */
class InstancesCompatTest {
    @RegisterExtension
    final CompatServer server = new CompatServer();
    private final TestHttpClient platform = server.platform();

    private JsonNode created(String name) {
        TestResponse created = server.provisionAsTheSeedDoes(name);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json();
    }

    @Test
    void putWithTheDocumentedNameAndTagsBodyKeepsTheConfiguration() {
        JsonNode instance = created("Before");
        long id = instance.path("id").asLong();

        TestResponse updated = platform.putJson("/instances/" + id, ElementsApi.json(Map.of("name", "After",
                "tags", List.of("renamed"))));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("name").asText()).isEqualTo("After");
        assertThat(updated.json().path("tags")).extracting(JsonNode::asText).containsExactly("renamed");
        assertThat(updated.json().path("configuration")).isEqualTo(instance.path("configuration"));
    }

    @Test
    void patchReplacesTagsInsteadOfMergingThem() {
        long id = created("Tagged").path("id").asLong();

        TestResponse patched = platform.patchJson("/instances/" + id, "{\"id\": " + id + ", \"tags\": [\"a\", \"b\"]}");

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("tags")).extracting(JsonNode::asText).containsExactly("a", "b");
    }

    @Test
    void configurationKeysTheElementDoesNotDeclareAreKeptAndAnObjectValueComesBackAsJson() {
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("event.notification.enabled", false);
        more.put("event.poller.refresh_interval", 15);
        more.put("event.poller.configuration", Map.of("status", Map.of("url", "/hubs/social/status", "idField", "id")));
        more.put("my.own.setting", "kept");

        TestResponse created = platform.postJson("/instances", seedBodyWith("Tolerant", more));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode stored = platform.get("/instances/" + created.json().path("id").asLong()).json().path("configuration");
        assertThat(stored.path("my.own.setting").asText()).isEqualTo("kept");
        assertThat(stored.path("event.poller.refresh_interval").asText()).isEqualTo("15");
        JsonNode poller = stored.path("event.poller.configuration");
        JsonNode pollerValue = poller.isTextual() ? ElementsApiJson.parse(poller.asText()) : poller;
        assertThat(pollerValue.path("status").path("idField").asText()).isEqualTo("id");
    }

    @Test
    void anEndpointUrlInTheRequestIsStillRefusedByName() {
        TestResponse refused = platform.postJson("/instances", seedBodyWith("Steer",
                Map.of("base.url", "https://attacker.example")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("base.url");
    }

    /** The seed's step 2 body after a fresh login, with {@code more} configuration beside the documented keys. */
    private String seedBodyWith(String name, Map<String, Object> more) {
        TestResponse url = server.anonymous().get("/elements/facebooksocial/oauth/url?apiKey=" + server.app.id()
                + "&callbackUrl=www.mycoolapp.com/auth&scope=public_profile");
        String code = server.loginCode(url.json().path("oauthUrl").asText());
        Map<String, Object> body = CompatServer.seedInstance(code, server.app.id(), CompatServer.APP_SECRET, name);
        @SuppressWarnings("unchecked")
        Map<String, Object> configuration = new LinkedHashMap<>((Map<String, Object>) body.get("configuration"));
        configuration.putAll(more);
        body.put("configuration", configuration);
        return ElementsApi.json(body);
    }

    @Test
    void externalAuthenticationInitialAdoptsATokenTheApplicationHoldsAndRefusesADeadOne() {
        String token = server.facebook.issueUserToken(server.app, server.ada, "public_profile");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("element", Map.of("key", "facebooksocial"));
        body.put("externalAuthentication", "initial");
        body.put("configuration", Map.of("oauth.api.key", server.app.id(), "oauth.api.secret", CompatServer.APP_SECRET,
                "oauth.callback.url", CompatServer.CALLBACK, "oauth.user.token", token));
        body.put("name", "Adopted");

        TestResponse adopted = platform.postJson("/instances", ElementsApi.json(body));

        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(200);
        assertThat(adopted.body()).doesNotContain(token);
        TestResponse me = server.withAuthorization("Element " + adopted.json().path("token").asText())
                .get("/hubs/social/user/me");
        assertThat(me.json().path("id").asText()).isEqualTo(server.ada.id());

        server.facebook.revoke(server.ada);
        TestResponse refused = platform.postJson("/instances", ElementsApi.json(body));
        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void theTokenScopedFormsActOnTheElementTokensInstance() {
        JsonNode instance = created("Scoped");
        TestHttpClient withElement = server.withAuthorization("User " + CompatServer.USER_SECRET + ", Organization "
                + CompatServer.ORGANIZATION_SECRET + ", Element " + instance.path("token").asText());

        TestResponse one = withElement.get("/instances");
        TestResponse configuration = withElement.get("/instances/configuration");

        assertThat(one.json().path("id").asLong()).isEqualTo(instance.path("id").asLong());
        assertThat(configuration.status()).as(configuration.toString()).isEqualTo(200);
        assertThat(configuration.json().isArray()).isTrue();
        assertThat(configuration.json()).anySatisfy(entry -> assertThat(entry.path("key").asText())
                .isEqualTo("oauth.api.key"));
    }

    @Test
    void deletingWithoutTheElementTokenAsChurrosDoesEndsTheTokensUse() {
        JsonNode instance = created("Doomed");
        TestHttpClient hub = server.withAuthorization("Element " + instance.path("token").asText());
        assertThat(hub.get("/hubs/social/user/me").status()).isEqualTo(200);

        assertThat(platform.delete("/instances/" + instance.path("id").asLong()).status()).isEqualTo(200);

        assertThat(hub.get("/hubs/social/user/me").status()).isEqualTo(401);
        assertThat(platform.get("/instances/" + instance.path("id").asLong()).status()).isEqualTo(404);
    }

    @Test
    void badRequestsGetChurrosAnswers() {
        assertThat(platform.get("/instances/987654321").status()).isEqualTo(404);
        assertThat(platform.postJson("/instances", "").status()).isEqualTo(400);
        assertThat(platform.postJson("/instances", "{\"element\": ").status()).isEqualTo(400);
        TestResponse missing = platform.postJson("/instances", ElementsApi.json(Map.of(
                "element", Map.of("key", "facebooksocial"), "providerData", Map.of("code", "x"),
                "configuration", Map.of("oauth.api.key", server.app.id()))));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("message").asText()).contains("oauth.api.secret").contains("oauth.callback.url");
        assertThat(missing.json().path("requestId").asText()).matches("[0-9a-f]{24}");
    }

    @Test
    void aUserAndElementHeaderWithoutOrganizationCallsTheHub() {
        JsonNode instance = created("User and Element");

        TestResponse me = server.withAuthorization("User " + CompatServer.USER_SECRET + ", Element "
                + instance.path("token").asText()).get("/hubs/social/user/me");
        TestResponse stranger = server.withAuthorization("User not-a-user-secret-of-this-platform-0000, Element "
                + instance.path("token").asText()).get("/hubs/social/user/me");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(stranger.status()).isEqualTo(401);
    }
}
