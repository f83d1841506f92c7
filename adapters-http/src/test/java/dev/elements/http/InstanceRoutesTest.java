package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.testing.ScriptedElementProvider;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InstanceRoutesTest {
    private static final String INSTANCES = "/elements/api-v2/instances";

    private final ApiServer server = ApiServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    static String provisionBody(String element, String code) {
        return """
                {"element": %s,
                 "providerData": {"code": "%s"},
                 "configuration": {"oauth.api.key": "app-id", "oauth.api.secret": "app-secret-value",
                                   "oauth.callback.url": "https://app.example/callback", "pagination.max": 50},
                 "tags": ["<b>first</b>", "second<script>alert(1)</script>"],
                 "name": "<a href='x'>My instance</a>"}""".formatted(element, code);
    }

    @Test
    void provisionsAnInstanceAndShowsItsTokenOnce() {
        server.provider.accept("code-1", "provider-user-1");

        TestResponse created = server.postJson(INSTANCES, server.auth(),
                provisionBody("{\"key\": \"scripted\"}", "code-1"));

        assertThat(created.status()).isEqualTo(200);
        ApiServer.assertJsonContentType(created);
        JsonNode instance = created.json();
        assertThat(instance.path("id").isNumber()).isTrue();
        String token = instance.path("token").asText();
        assertThat(token).isNotEqualTo("********").hasSizeGreaterThanOrEqualTo(43);
        assertThat(instance.path("name").asText()).isEqualTo("My instance");
        assertThat(instance.path("tags").toString()).isEqualTo("[\"first\",\"second\"]");
        assertThat(instance.path("element").path("key").asText()).isEqualTo("scripted");
        assertThat(instance.path("element").path("id").asLong()).isEqualTo(ScriptedElementProvider.ID);
        assertThat(instance.path("element").has("configuration")).isFalse();
        assertThat(instance.path("element").has("resources")).isFalse();
        assertThat(instance.path("provisionInteractions").isArray()).isTrue();
        assertThat(instance.path("valid").asBoolean()).isTrue();
        assertThat(instance.path("disabled").asBoolean(true)).isFalse();
        assertThat(instance.path("maxCacheSize").asInt(-1)).isZero();
        assertThat(instance.path("cacheTimeToLive").asInt(-1)).isZero();
        assertThat(instance.path("eventsEnabled").asBoolean(true)).isFalse();
        assertThat(instance.path("cachingEnabled").asBoolean(true)).isFalse();
        assertThat(instance.path("traceLoggingEnabled").asBoolean(true)).isFalse();
        assertThat(instance.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(instance.has("statusReason")).isTrue();
        assertThat(instance.path("user").path("id").isNumber()).isTrue();
        assertThat(instance.path("user").path("emailAddress").asText()).isEqualTo("admin@elements.local");
        assertThat(instance.path("user").path("firstName").asText()).isEqualTo("Elements");
        assertThat(instance.path("user").path("lastName").asText()).isEqualTo("Administrator");
        Instant createdDate = Instant.parse(instance.path("createdDate").asText());
        assertThat(createdDate).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));

        JsonNode configuration = instance.path("configuration");
        assertThat(configuration.path("oauth.api.key").asText()).isEqualTo("app-id");
        assertThat(configuration.path("oauth.api.secret").asText()).isEqualTo("********");
        assertThat(configuration.path("oauth.user.token").asText()).isEqualTo("********");
        assertThat(configuration.path("pagination.max").asText()).isEqualTo("50");
        assertThat(created.body()).doesNotContain("app-secret-value").doesNotContain("access-code-1");

        TestResponse read = server.get(INSTANCES + "/" + instance.path("id").asLong(), server.auth());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("token").asText()).isEqualTo("********");
        assertThat(read.body()).doesNotContain(token).doesNotContain("app-secret-value");
        assertThat(read.json().path("configuration")).isEqualTo(configuration);
        assertThat(read.json().path("name").asText()).isEqualTo("My instance");
    }

    @Test
    void elementMayBeGivenById() {
        server.provider.accept("code-2", "provider-user-2");

        TestResponse created = server.postJson(INSTANCES, server.auth(),
                provisionBody("{\"id\": " + ScriptedElementProvider.ID + "}", "code-2"));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().path("element").path("key").asText()).isEqualTo("scripted");
    }

    @Test
    void missingConfigurationNamesEveryMissingKey() {
        server.provider.accept("code-3", "provider-user-3");

        TestResponse response = server.postJson(INSTANCES, server.auth(), """
                {"element": {"key": "scripted"}, "providerData": {"code": "code-3"},
                 "configuration": {"oauth.api.secret": "s"}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).contains("oauth.api.key").contains("oauth.callback.url")
                .doesNotContain("oauth.api.secret");
        assertThat(server.provider.exchanges()).isZero();
    }

    @Test
    void missingCodeAndElementAreNamed() {
        TestResponse response = server.postJson(INSTANCES, server.auth(), "{\"configuration\": {}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).contains("element").contains("providerData.code");
    }

    @Test
    void providerRefusalIs400WithTheProvidersWords() {
        server.provider.failNext(ProviderErrorClass.INVALID_GRANT, "This authorization code has expired.");

        TestResponse response = server.postJson(INSTANCES, server.auth(),
                provisionBody("{\"key\": \"scripted\"}", "code-x"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("providerMessage").asText()).isEqualTo("This authorization code has expired.");
        assertThat(response.json().path("requestId").asText()).isEqualTo(response.requestId());
    }

    @Test
    void providerOutageIs502AndTimeoutIs504() {
        server.provider.failNext(ProviderErrorClass.TRANSIENT, "Service temporarily unavailable");
        TestResponse outage = server.postJson(INSTANCES, server.auth(),
                provisionBody("{\"key\": \"scripted\"}", "code-y"));
        server.provider.failNext(ProviderErrorClass.TIMEOUT, "Timed out");
        TestResponse timeout = server.postJson(INSTANCES, server.auth(),
                provisionBody("{\"key\": \"scripted\"}", "code-z"));

        assertThat(outage.status()).isEqualTo(502);
        assertThat(outage.json().path("providerMessage").asText()).isEqualTo("Service temporarily unavailable");
        assertThat(timeout.status()).isEqualTo(504);
    }

    @Test
    void providerRateLimitIs429WithRetryAfter() {
        server.provider.failNext(ProviderErrorClass.RATE_LIMITED, "Slow down");

        TestResponse response = server.postJson(INSTANCES, server.auth(),
                provisionBody("{\"key\": \"scripted\"}", "code-r"));

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("Retry-After")).matches("[1-9][0-9]*");
    }

    @Test
    void unknownElementInTheBodyIs400() {
        TestResponse byKey = server.postJson(INSTANCES, server.auth(),
                provisionBody("{\"key\": \"nosuchelement\"}", "code"));
        TestResponse byId = server.postJson(INSTANCES, server.auth(), provisionBody("{\"id\": 4242}", "code"));

        assertThat(byKey.status()).isEqualTo(400);
        assertThat(byKey.message()).contains("nosuchelement");
        assertThat(byId.status()).isEqualTo(400);
    }

    @Test
    void wrongTypesAreNamedByField() {
        TestResponse response = server.postJson(INSTANCES, server.auth(), """
                {"element": {"id": "abc"}, "providerData": {"code": 7},
                 "tags": ["ok", 3], "name": false, "externalAuthentication": 1}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message())
                .contains("element.id must be a number")
                .contains("providerData.code must be a string")
                .contains("externalAuthentication must be a string")
                .contains("tags[1] must be a string")
                .contains("name must be a string");
    }

    @Test
    void wrongShapesOfNestedObjectsAreNamed() {
        TestResponse response = server.postJson(INSTANCES, server.auth(), """
                {"element": "scripted", "providerData": [], "configuration": "x", "tags": "a"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message())
                .contains("element must be an object")
                .contains("providerData must be an object")
                .contains("configuration must be an object")
                .contains("tags must be an array of strings");
    }

    @Test
    void configurationNumbersAndBooleansAreTakenAsStrings() {
        server.provider.accept("code-4", "provider-user-4");

        TestResponse created = server.postJson(INSTANCES, server.auth(), """
                {"element": {"key": "scripted"}, "providerData": {"code": "code-4"},
                 "configuration": {"oauth.api.key": "k", "oauth.api.secret": "s",
                                   "oauth.callback.url": "https://app.example/cb",
                                   "pagination.max": 25, "event.notification.enabled": false}}""");

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().path("configuration").path("pagination.max").asText()).isEqualTo("25");
        assertThat(created.json().path("configuration").path("event.notification.enabled").asText()).isEqualTo("false");
    }

    @Test
    void idempotencyKeyHeaderIsAccepted() {
        server.provider.accept("code-5", "provider-user-5");
        TestHttpClient withKey = server.as(server.auth()).withHeader("Idempotency-Key", "key-123");

        TestResponse created = withKey.postJson(INSTANCES, provisionBody("{\"key\": \"scripted\"}", "code-5"));

        assertThat(created.status()).isEqualTo(200);
        TestResponse replayed = withKey.postJson(INSTANCES, provisionBody("{\"key\": \"scripted\"}", "code-5"));
        TestResponse otherBody = withKey.postJson(INSTANCES, provisionBody("{\"key\": \"scripted\"}", "code-6"));

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().path("id")).isEqualTo(created.json().path("id"));
        assertThat(replayed.json().path("token").asText()).isEqualTo(created.json().path("token").asText());
        assertThat(server.provider.exchanges()).as("the provider is not asked again").isEqualTo(1);
        assertThat(otherBody.status()).isEqualTo(409);
    }

    @Test
    void aBodyIsNotLookedAtBeforeTheInstanceIsFound() {
        String foreign = server.otherOrganization();
        long id = server.provision(server.auth(), "mine", java.util.List.of()).path("id").asLong();

        for (String method : java.util.List.of("PUT", "PATCH")) {
            assertThat(server.send(method, INSTANCES + "/" + id, foreign, "{broken").status()).as(method).isEqualTo(404);
            assertThat(server.send(method, INSTANCES + "/987654", server.auth(), "{broken").status()).as(method)
                    .isEqualTo(404);
        }
        assertThat(server.send("PATCH", INSTANCES + "/" + id + "/configuration/1", foreign,
                "{broken").status()).isEqualTo(404);
    }

    @Test
    void unknownOrNonNumericIdIs404() {
        assertThat(server.get(INSTANCES + "/999999", server.auth()).status()).isEqualTo(404);
        assertThat(server.get(INSTANCES + "/abc", server.auth()).status()).isEqualTo(404);
        assertThat(server.get(INSTANCES + "/-1", server.auth()).status()).isEqualTo(404);
    }

    @Test
    void anotherOrganizationsInstanceIs404() {
        server.provider.accept("code-6", "provider-user-6");
        long id = server.postJson(INSTANCES, server.auth(), provisionBody("{\"key\": \"scripted\"}", "code-6"))
                .json().path("id").asLong();
        String other = server.otherOrganization();

        TestResponse response = server.get(INSTANCES + "/" + id, other);

        assertThat(response.status()).isEqualTo(404);
        assertThat(server.get(INSTANCES + "/" + id, server.auth()).status()).isEqualTo(200);
    }

    @Test
    void instanceRoutesNeedAuthorization() {
        assertThat(server.postJson(INSTANCES, null, provisionBody("{\"key\": \"scripted\"}", "c")).status())
                .isEqualTo(401);
        assertThat(server.get(INSTANCES + "/1", null).status()).isEqualTo(401);
        assertThat(server.provider.exchanges()).isZero();
    }
}
