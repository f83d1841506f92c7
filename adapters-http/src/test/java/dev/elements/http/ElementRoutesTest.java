package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.core.testing.ScriptedElementProvider;
import dev.elements.testing.TestResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ElementRoutesTest {
    private static final String ELEMENTS = "/elements/api-v2/elements";

    private final ApiServer server = ApiServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsElementsInCloudElementsShape() {
        TestResponse response = server.get(ELEMENTS, server.auth());

        assertThat(response.status()).isEqualTo(200);
        ApiServer.assertJsonContentType(response);
        JsonNode elements = response.json();
        assertThat(elements.isArray()).isTrue();
        assertThat(elements).hasSize(1);
        assertFullElement(elements.get(0));
    }

    @Test
    void listsKeys() {
        TestResponse response = server.get(ELEMENTS + "/keys", server.auth());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().toString()).isEqualTo("[\"scripted\"]");
    }

    @Test
    void getsAnElementByKeyAndById() {
        TestResponse byKey = server.get(ELEMENTS + "/scripted", server.auth());
        TestResponse byId = server.get(ELEMENTS + "/" + ScriptedElementProvider.ID, server.auth());

        assertThat(byKey.status()).isEqualTo(200);
        assertThat(byId.status()).isEqualTo(200);
        assertFullElement(byKey.json());
        assertThat(byId.json()).isEqualTo(byKey.json());
    }

    @Test
    void unknownElementIs404() {
        TestResponse byKey = server.get(ELEMENTS + "/nosuchelement", server.auth());
        TestResponse byId = server.get(ELEMENTS + "/4242", server.auth());

        assertThat(byKey.status()).isEqualTo(404);
        assertThat(byKey.message()).contains("nosuchelement");
        assertThat(byId.status()).isEqualTo(404);
        assertThat(byKey.json().path("requestId").asText()).isEqualTo(byKey.requestId());
    }

    @Test
    void elementRoutesNeedUserAndOrganization() {
        assertThat(server.get(ELEMENTS, null).status()).isEqualTo(401);
        assertThat(server.get(ELEMENTS + "/keys", null).status()).isEqualTo(401);
        assertThat(server.get(ELEMENTS + "/scripted", "User " + server.userSecret).status()).isEqualTo(401);
    }

    @Test
    void aSecretWithADefaultShowsItMasked() {
        try (ApiServer withDefault = ApiServer.start(builder -> builder.operatorOverrides(
                dev.elements.core.element.OperatorOverrides.fromSettings(java.util.Map.of(
                        "ELEMENTS_SCRIPTED_OAUTH_API_SECRET", "canary-operator-default-secret"))))) {
            TestResponse element = withDefault.get(ELEMENTS + "/scripted", withDefault.auth());

            assertThat(find(element.json().path("configuration"), "oauth.api.secret").path("defaultValue").asText())
                    .isEqualTo("********");
            assertThat(element.body()).doesNotContain("canary-operator-default-secret");
        }
    }

    @Test
    void secretConfigurationEntriesNeverShowAValue() {
        JsonNode configuration = server.get(ELEMENTS + "/scripted", server.auth()).json().path("configuration");

        assertThat(configuration).isNotEmpty();
        for (JsonNode entry : configuration) {
            if (entry.path("type").asText().equals("PASSWORD")) {
                assertThat(entry.path("defaultValue").isNull() || entry.path("defaultValue").asText().equals("********"))
                        .as(entry.toString()).isTrue();
            }
        }
        JsonNode secret = find(configuration, "oauth.api.secret");
        assertThat(secret.path("type").asText()).isEqualTo("PASSWORD");
        assertThat(secret.path("required").asBoolean()).isTrue();
    }

    @Test
    void oauthUrlFromQueryIsEncodedAndNeedsNoAuthorization() {
        String callback = "https://app.example/callback?x=1&y=a%20b";
        TestResponse response = server.get(ELEMENTS + "/scripted/oauth/url?apiKey=my%20app%26id"
                + "&apiSecret=SECRET-never-echoed&callbackUrl=" + encode(callback) + "&scope=read%2Cwrite&state=s%3D1",
                null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("SECRET-never-echoed").doesNotContain("apiSecret");
        JsonNode body = response.json();
        assertThat(body.path("element").asText()).isEqualTo("scripted");
        URI url = URI.create(body.path("oauthUrl").asText());
        assertThat(url.getScheme() + "://" + url.getHost() + url.getPath())
                .isEqualTo("https://login.scripted.invalid/authorize");
        Map<String, String> query = query(url);
        assertThat(query).containsEntry("client_id", "my app&id")
                .containsEntry("redirect_uri", callback)
                .containsEntry("response_type", "code")
                .containsEntry("scope", "read,write")
                .containsEntry("state", "s=1")
                .doesNotContainKey("client_secret");
    }

    @Test
    void oauthUrlDefaultsScopeAndState() {
        TestResponse response = server.get(ELEMENTS + "/scripted/oauth/url?apiKey=app"
                + "&callbackUrl=" + encode("https://app.example/cb"), null);

        Map<String, String> query = query(URI.create(response.json().path("oauthUrl").asText()));
        assertThat(query).containsEntry("scope", "read").containsEntry("state", "scripted");
    }

    @Test
    void oauthUrlFromBody() {
        TestResponse response = server.postJson(ELEMENTS + "/" + ScriptedElementProvider.ID + "/oauth/url",
                null, """
                        {"apiKey": "app-1", "apiSecret": "SECRET-in-body", "callbackUrl": "https://app.example/cb",
                         "state": "xyz"}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("SECRET-in-body");
        Map<String, String> query = query(URI.create(response.json().path("oauthUrl").asText()));
        assertThat(query).containsEntry("client_id", "app-1").containsEntry("state", "xyz");
        assertThat(response.json().path("element").asText()).isEqualTo("scripted");
    }

    @Test
    void oauthUrlNamesEveryMissingField() {
        TestResponse fromQuery = server.get(ELEMENTS + "/scripted/oauth/url?apiSecret=s", null);
        TestResponse fromBody = server.postJson(ELEMENTS + "/scripted/oauth/url", null, "{\"scope\": \"x\"}");

        for (TestResponse response : new TestResponse[] {fromQuery, fromBody}) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.message()).contains("apiKey").contains("callbackUrl");
        }
    }

    @Test
    void oauthUrlBodyWithWrongTypesNamesTheFields() {
        TestResponse response = server.postJson(ELEMENTS + "/scripted/oauth/url", null,
                "{\"apiKey\": 5, \"callbackUrl\": [\"https://app.example/cb\"]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).contains("apiKey must be a string").contains("callbackUrl must be a string");
    }

    @Test
    void oauthUrlForUnknownElementIs404() {
        TestResponse response = server.get(ELEMENTS + "/nosuchelement/oauth/url?apiKey=a&callbackUrl="
                + encode("https://app.example/cb"), null);

        assertThat(response.status()).isEqualTo(404);
    }

    private static void assertFullElement(JsonNode element) {
        assertThat(element.path("id").isNumber()).isTrue();
        assertThat(element.path("id").asLong()).isEqualTo(ScriptedElementProvider.ID);
        assertThat(element.path("key").asText()).isEqualTo("scripted");
        assertThat(element.path("name").asText()).isEqualTo("Scripted");
        assertThat(element.path("description").asText()).isNotEmpty();
        assertThat(element.path("image").asText()).isNotEmpty();
        assertThat(element.path("active").asBoolean()).isTrue();
        assertThat(element.path("deleted").isBoolean()).isTrue();
        assertThat(element.path("deleted").asBoolean()).isFalse();
        assertThat(element.path("typeOauth").asBoolean()).isTrue();
        assertThat(element.path("trialAccount").isBoolean()).isTrue();
        assertThat(element.path("configDescription").asText()).isEqualTo("Scripted provider");
        assertThat(element.path("signupURL").asText()).isEqualTo("https://scripted.invalid/signup");
        assertThat(element.path("transformationsEnabled").asBoolean(true)).isFalse();
        assertThat(element.path("authentication").path("type").asText()).isEqualTo("oauth2");
        assertThat(element.path("hub").asText()).isEqualTo("testing");
        assertThat(element.path("parameters").isArray()).isTrue();
        JsonNode apiKey = find(element.path("configuration"), "oauth.api.key");
        assertThat(apiKey.path("id").isNumber()).isTrue();
        assertThat(apiKey.path("name").asText()).isEqualTo("API key");
        assertThat(apiKey.path("description").asText()).isEqualTo("The application id");
        assertThat(apiKey.has("defaultValue")).isTrue();
        assertThat(apiKey.path("type").asText()).isEqualTo("TEXTFIELD_128");
        assertThat(apiKey.path("required").asBoolean()).isTrue();
        assertThat(apiKey.path("hideFromConsole").isBoolean()).isTrue();
        JsonNode resource = element.path("resources").get(0);
        assertThat(resource.path("path").asText()).isEqualTo("/hubs/testing/me");
        assertThat(resource.path("method").asText()).isEqualTo("GET");
        assertThat(resource.path("vendorPath").asText()).isEqualTo("/me");
        assertThat(resource.path("vendorMethod").asText()).isEqualTo("GET");
        assertThat(resource.path("description").asText()).isEqualTo("The authorized user");
    }

    static JsonNode find(JsonNode configuration, String key) {
        for (JsonNode entry : configuration) {
            if (entry.path("key").asText().equals(key)) {
                return entry;
            }
        }
        throw new AssertionError("No configuration entry " + key + " in " + configuration);
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static Map<String, String> query(URI url) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
