package dev.elements.http;

import static dev.elements.http.ApiServer.INSTANCES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.testing.TestResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PUT, PATCH and DELETE of an instance, its configuration entries, enabled, token and refresh, by id. */
class InstanceLifecycleTest {
    private final ApiServer server = ApiServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode provision(String name, List<String> tags) {
        return server.provision(server.auth(), name, tags);
    }

    private static String path(JsonNode instance) {
        return INSTANCES + "/" + instance.path("id").asLong();
    }

    private JsonNode read(JsonNode instance) {
        TestResponse read = server.get(path(instance), server.auth());
        assertThat(read.status()).isEqualTo(200);
        return read.json();
    }

    static JsonNode entry(JsonNode configuration, String key) {
        return ElementRoutesTest.find(configuration, key);
    }

    @Test
    void putReplacesNameTagsAndConfiguration() {
        JsonNode instance = provision("Before", List.of("old", "older"));
        server.patch(path(instance), server.auth(), "{\"configuration\": {\"pagination.max\": \"25\"}}");

        TestResponse put = server.put(path(instance), server.auth(), """
                {"name": "<b>After</b>", "tags": ["new"],
                 "configuration": {"oauth.api.key": "other-app", "oauth.api.secret": "********",
                                   "oauth.callback.url": "https://app.example/other"}}""");

        assertThat(put.status()).isEqualTo(200);
        JsonNode updated = put.json();
        assertThat(updated.path("id").asLong()).isEqualTo(instance.path("id").asLong());
        assertThat(updated.path("name").asText()).isEqualTo("After");
        assertThat(updated.path("tags").toString()).isEqualTo("[\"new\"]");
        assertThat(updated.path("token").asText()).isEqualTo("********");
        assertThat(updated.has("providerData")).isFalse();
        JsonNode configuration = updated.path("configuration");
        assertThat(configuration.path("oauth.api.key").asText()).isEqualTo("other-app");
        assertThat(configuration.path("oauth.api.secret").asText()).isEqualTo("********");
        assertThat(configuration.path("pagination.max").asText()).as("replaced: back to the default").isEqualTo("100");
        assertThat(read(instance)).isEqualTo(updated);
    }

    /** What a PUT does not name is kept, as Cloud Elements' own {@code {name, tags}} example expects. */
    @Test
    void putWithoutANameOrTagsKeepsThem() {
        JsonNode instance = provision("Named", List.of("tagged"));

        TestResponse put = server.put(path(instance), server.auth(), """
                {"configuration": {"oauth.api.key": "app-id", "oauth.api.secret": "********",
                                   "oauth.callback.url": "https://app.example/callback"}}""");

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().path("tags").toString()).isEqualTo("[\"tagged\"]");
        assertThat(put.json().path("name").asText()).isEqualTo("Named");
    }

    @Test
    void putMissingRequiredConfigurationNamesTheKeys() {
        JsonNode instance = provision("Incomplete", List.of());

        TestResponse put = server.put(path(instance), server.auth(),
                "{\"name\": \"x\", \"configuration\": {\"oauth.api.key\": \"k\"}}");

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.message()).contains("oauth.api.secret").contains("oauth.callback.url");
        assertThat(read(instance).path("name").asText()).isEqualTo("Incomplete");
    }

    @Test
    void patchReplacesTagsAndMergesConfiguration() {
        JsonNode instance = provision("Patched", List.of("a", "b"));

        TestResponse patch = server.patch(path(instance), server.auth(),
                "{\"tags\": [\"c\"], \"configuration\": {\"pagination.max\": 25}}");

        assertThat(patch.status()).isEqualTo(200);
        JsonNode updated = patch.json();
        assertThat(updated.path("tags").toString()).as("replaced, not merged").isEqualTo("[\"c\"]");
        assertThat(updated.path("name").asText()).isEqualTo("Patched");
        assertThat(updated.path("configuration").path("pagination.max").asText()).isEqualTo("25");
        assertThat(updated.path("configuration").path("oauth.api.key").asText()).isEqualTo("app-id");
        assertThat(read(instance)).isEqualTo(updated);
    }

    @Test
    void aMaskedSecretSentBackKeepsTheStoredOne() {
        JsonNode instance = provision("Masked", List.of());
        String code = server.acceptedCode();

        TestResponse put = server.put(path(instance), server.auth(), """
                {"providerData": {"code": "%s"},
                 "configuration": {"oauth.api.key": "app-id", "oauth.api.secret": "********",
                                   "oauth.callback.url": "https://app.example/callback"}}""".formatted(code));

        assertThat(put.status()).isEqualTo(200);
        List<dev.elements.core.instance.Configuration> seen = server.provider.seenConfigurations();
        assertThat(seen.get(seen.size() - 1).get("oauth.api.secret")).contains("app-secret-value");
    }

    @Test
    void putWithACodeAuthorizesAgain() {
        JsonNode instance = provision("Reauthorized", List.of());
        int exchanges = server.provider.exchanges();
        String code = server.acceptedCode();

        TestResponse put = server.put(path(instance), server.auth(), """
                {"name": "Reauthorized", "providerData": {"code": "%s"},
                 "configuration": {"oauth.api.key": "app-id", "oauth.api.secret": "********",
                                   "oauth.callback.url": "https://app.example/callback"}}""".formatted(code));

        assertThat(put.status()).isEqualTo(200);
        assertThat(server.provider.exchanges()).isEqualTo(exchanges + 1);
        assertThat(put.json().path("valid").asBoolean()).isTrue();
        assertThat(put.json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(put.body()).doesNotContain(code).doesNotContain("access-" + code);
    }

    @Test
    void aProviderFailureDuringReauthorizationLeavesTheInstanceUnchanged() {
        JsonNode instance = provision("Unchanged", List.of("kept"));
        JsonNode before = read(instance);
        TestResponse configurationBefore = server.get(path(instance) + "/configuration", server.auth());
        String body = """
                {"name": "Changed", "tags": ["changed"], "providerData": {"code": "refused-code"},
                 "configuration": {"oauth.api.key": "changed-app", "oauth.api.secret": "changed-secret",
                                   "oauth.callback.url": "https://app.example/changed"}}""";

        server.provider.failNext(ProviderErrorClass.INVALID_GRANT, "This authorization code has expired.");
        TestResponse refused = server.put(path(instance), server.auth(), body);
        server.provider.failNext(ProviderErrorClass.TRANSIENT, "Service temporarily unavailable");
        TestResponse outage = server.put(path(instance), server.auth(), body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("providerMessage").asText()).isEqualTo("This authorization code has expired.");
        assertThat(outage.status()).isEqualTo(502);
        assertThat(read(instance)).isEqualTo(before);
        assertThat(server.get(path(instance) + "/configuration", server.auth()).json())
                .isEqualTo(configurationBefore.json());
        assertThat(server.get(INSTANCES, ApiServer.withToken(server.auth(), instance.path("token").asText()))
                .status()).as("the old token still works").isEqualTo(200);
    }

    @Test
    void anElementInTheBodyMustBeTheInstancesOwn() {
        JsonNode instance = provision("Element", List.of());
        String configuration = """
                "configuration": {"oauth.api.key": "app-id", "oauth.api.secret": "********",
                                  "oauth.callback.url": "https://app.example/callback"}""";

        TestResponse sameByKey = server.put(path(instance), server.auth(),
                "{\"element\": {\"key\": \"scripted\"}, " + configuration + "}");
        TestResponse sameById = server.patch(path(instance), server.auth(), "{\"element\": {\"id\": 9001}}");
        TestResponse other = server.put(path(instance), server.auth(),
                "{\"element\": {\"key\": \"facebooksocial\"}, " + configuration + "}");
        TestResponse otherById = server.patch(path(instance), server.auth(), "{\"element\": {\"id\": 48}}");

        assertThat(sameByKey.status()).isEqualTo(200);
        assertThat(sameById.status()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.message()).contains("element");
        assertThat(otherById.status()).isEqualTo(400);
    }

    @Test
    void wrongJsonTypesAreNamedByField() {
        JsonNode instance = provision("Types", List.of());

        TestResponse put = server.put(path(instance), server.auth(),
                "{\"name\": 5, \"tags\": \"x\", \"configuration\": [], \"providerData\": {\"code\": true}}");
        TestResponse patch = server.patch(path(instance), server.auth(),
                "{\"tags\": [1], \"configuration\": {\"pagination.max\": {}}, \"element\": \"scripted\"}");

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.message()).contains("name must be a string").contains("tags must be an array of strings")
                .contains("configuration must be an object").contains("providerData.code must be a string");
        assertThat(patch.status()).isEqualTo(400);
        assertThat(patch.message()).contains("tags[0] must be a string").contains("element must be an object")
                .as("an object is a value a configuration may hold").doesNotContain("pagination.max");
        assertThat(read(instance).path("name").asText()).isEqualTo("Types");
    }

    @Test
    void deleteAnswersAnEmptyObjectAndTheTokenStopsWorking() {
        JsonNode instance = provision("Deleted", List.of());
        String withToken = ApiServer.withToken(server.auth(), instance.path("token").asText());

        TestResponse deleted = server.delete(path(instance), server.auth());

        assertThat(deleted.status()).isEqualTo(200);
        ApiServer.assertJsonContentType(deleted);
        assertThat(deleted.json().toString()).isEqualTo("{}");
        assertThat(server.get(path(instance), server.auth()).status()).isEqualTo(404);
        assertThat(server.delete(path(instance), server.auth()).status()).isEqualTo(404);
        assertThat(server.get(INSTANCES, withToken).status()).isEqualTo(401);
        assertThat(server.get(INSTANCES + "/configuration", withToken).status()).isEqualTo(401);
        assertThat(server.send("POST", INSTANCES + "/refresh", withToken, null).status()).isEqualTo(401);
        assertThat(server.delete(INSTANCES, withToken).status()).isEqualTo(401);
    }

    @Test
    void configurationEntriesHaveIdsKeysAndMaskedSecrets() {
        JsonNode instance = provision("Configured", List.of());

        TestResponse listed = server.get(path(instance) + "/configuration", server.auth());

        assertThat(listed.status()).isEqualTo(200);
        JsonNode entries = listed.json();
        assertThat(entries.isArray()).isTrue();
        for (JsonNode entry : entries) {
            assertThat(entry.path("id").isNumber()).as(entry.toString()).isTrue();
            assertThat(entry.path("key").isTextual()).as(entry.toString()).isTrue();
            assertThat(entry.has("propertyValue")).as(entry.toString()).isTrue();
        }
        assertThat(entry(entries, "oauth.api.key").path("propertyValue").asText()).isEqualTo("app-id");
        assertThat(entry(entries, "oauth.api.secret").path("propertyValue").asText()).isEqualTo("********");
        assertThat(listed.body()).doesNotContain("app-secret-value").doesNotContain("access-code");

        JsonNode apiKey = entry(entries, "oauth.api.key");
        TestResponse one = server.get(path(instance) + "/configuration/" + apiKey.path("id").asLong(),
                server.auth());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json()).isEqualTo(apiKey);
    }

    @Test
    void patchOfAConfigurationEntryAppliesAtOnce() {
        JsonNode instance = provision("Entry", List.of());
        long pagination = entry(server.get(path(instance) + "/configuration", server.auth()).json(), "pagination.max")
                .path("id").asLong();
        String entryPath = path(instance) + "/configuration/" + pagination;

        TestResponse text = server.patch(entryPath, server.auth(),
                "{\"id\": " + pagination + ", \"key\": \"pagination.max\", \"propertyValue\": \"42\"}");
        TestResponse number = server.patch(entryPath, server.auth(), "{\"propertyValue\": 43}");

        assertThat(text.status()).isEqualTo(200);
        assertThat(text.json().path("propertyValue").asText()).isEqualTo("42");
        assertThat(text.json().path("id").asLong()).isEqualTo(pagination);
        assertThat(number.status()).isEqualTo(200);
        assertThat(read(instance).path("configuration").path("pagination.max").asText()).isEqualTo("43");
        assertThat(server.get(entryPath, server.auth()).json().path("propertyValue").asText()).isEqualTo("43");
    }

    @Test
    void patchOfAConfigurationEntryRefusesUnknownIdsAndBadValues() {
        JsonNode instance = provision("Refusals", List.of());
        long pagination = entry(server.get(path(instance) + "/configuration", server.auth()).json(), "pagination.max")
                .path("id").asLong();
        String entryPath = path(instance) + "/configuration/" + pagination;

        TestResponse unknown = server.patch(path(instance) + "/configuration/999999", server.auth(),
                "{\"propertyValue\": \"1\"}");
        TestResponse notNumeric = server.patch(path(instance) + "/configuration/abc", server.auth(),
                "{\"propertyValue\": \"1\"}");
        TestResponse badValue = server.patch(entryPath, server.auth(), "{\"propertyValue\": \"many\"}");
        TestResponse wrongType = server.patch(entryPath, server.auth(), "{\"propertyValue\": {\"a\": 1}}");
        TestResponse missing = server.patch(entryPath, server.auth(), "{\"value\": \"1\"}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(notNumeric.status()).isEqualTo(404);
        assertThat(server.get(path(instance) + "/configuration/999999", server.auth()).status()).isEqualTo(404);
        assertThat(badValue.status()).isEqualTo(400);
        assertThat(badValue.message()).contains("pagination.max");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.message()).contains("propertyValue must be a string");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.message()).contains("propertyValue");
        assertThat(read(instance).path("configuration").path("pagination.max").asText()).isEqualTo("100");
    }

    @Test
    void disablingAndEnablingShowInDisabledAndStatus() {
        JsonNode instance = provision("Switch", List.of());

        TestResponse disabled = server.delete(path(instance) + "/enabled", server.auth());

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("disabled").asBoolean()).isTrue();
        assertThat(disabled.json().path("status").asText()).isEqualTo("DISABLED");
        assertThat(read(instance).path("disabled").asBoolean()).isTrue();

        TestResponse enabled = server.put(path(instance) + "/enabled", server.auth(), null);

        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().path("disabled").asBoolean()).isFalse();
        assertThat(enabled.json().path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aNewTokenIsShownOnceAndTheOldOneStops() {
        JsonNode instance = provision("Token", List.of());
        String oldToken = instance.path("token").asText();

        TestResponse renewed = server.send("POST", path(instance) + "/token", server.auth(), null);

        assertThat(renewed.status()).isEqualTo(200);
        String newToken = renewed.json().path("token").asText();
        assertThat(newToken).isNotEqualTo("********").isNotEqualTo(oldToken).hasSizeGreaterThanOrEqualTo(43);
        assertThat(server.get(INSTANCES, ApiServer.withToken(server.auth(), oldToken)).status()).isEqualTo(401);
        TestResponse withNew = server.get(INSTANCES, ApiServer.withToken(server.auth(), newToken));
        assertThat(withNew.status()).isEqualTo(200);
        assertThat(withNew.json().path("id").asLong()).isEqualTo(instance.path("id").asLong());
        assertThat(withNew.json().path("token").asText()).isEqualTo("********");
        assertThat(read(instance).path("token").asText()).isEqualTo("********");
    }

    @Test
    void refreshRenewsTheProviderTokenNow() {
        JsonNode instance = provision("Refresh", List.of());
        int renewals = server.provider.renewals();

        TestResponse refreshed = server.send("POST", path(instance) + "/refresh", server.auth(), null);

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(server.provider.renewals()).isEqualTo(renewals + 1);
        assertThat(refreshed.json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(refreshed.json().path("token").asText()).isEqualTo("********");
        assertThat(refreshed.body()).doesNotContain("renewed");
    }

    @Test
    void aProviderFailureDuringRefreshShowsInTheStatus() {
        JsonNode instance = provision("Failing refresh", List.of());

        server.provider.failNext(ProviderErrorClass.TRANSIENT, "Service temporarily unavailable");
        TestResponse outage = server.send("POST", path(instance) + "/refresh", server.auth(), null);

        assertThat(outage.status()).isEqualTo(502);
        assertThat(read(instance).path("status").asText()).isEqualTo("REFRESH_FAILING");
        assertThat(read(instance).path("valid").asBoolean()).isTrue();

        server.provider.failNext(ProviderErrorClass.INVALID_GRANT, "The refresh token was revoked.");
        TestResponse rejected = server.send("POST", path(instance) + "/refresh", server.auth(), null);

        assertThat(rejected.status()).isEqualTo(401);
        assertThat(read(instance).path("status").asText()).isEqualTo("NEEDS_REAUTH");
        assertThat(read(instance).path("valid").asBoolean()).isFalse();
    }

    @Test
    void unknownAndNonNumericIdsAre404OnEveryRoute() {
        String[][] routes = {
            {"GET", ""}, {"PUT", ""}, {"PATCH", ""}, {"DELETE", ""},
            {"GET", "/configuration"}, {"GET", "/configuration/1"}, {"PATCH", "/configuration/1"},
            {"PUT", "/enabled"}, {"DELETE", "/enabled"}, {"POST", "/token"}, {"POST", "/refresh"},
        };
        for (String id : List.of("999999", "abc", "-1", "0", "1.5", "99999999999999999999")) {
            for (String[] route : routes) {
                String body = route[0].equals("PUT") || route[0].equals("PATCH") ? "{\"propertyValue\": \"1\"}" : null;
                TestResponse response = server.send(route[0], INSTANCES + "/" + id + route[1], server.auth(),
                        body);
                assertThat(response.status()).as(route[0] + " " + id + route[1]).isEqualTo(404);
                assertThat(response.json().path("requestId").asText()).isEqualTo(response.requestId());
            }
        }
    }

    @Test
    void lifecycleRoutesNeedUserAndOrganization() {
        JsonNode instance = provision("Guarded", List.of());
        String token = instance.path("token").asText();

        assertThat(server.get(path(instance), null).status()).isEqualTo(401);
        assertThat(server.delete(path(instance), "Element " + token).status()).isEqualTo(401);
        assertThat(server.get(INSTANCES, "Element " + token).status()).isEqualTo(401);
        assertThat(read(instance).path("name").asText()).isEqualTo("Guarded");
    }
}
