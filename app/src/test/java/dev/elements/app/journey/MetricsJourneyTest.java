package dev.elements.app.journey;

import static dev.elements.app.journey.JourneyServer.CALLBACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.app.ElementsApi;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.facebook.fake.GraphError;
import dev.elements.testing.PrometheusText;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /metrics} of the real server, after a provisioning and hub calls through the fake Facebook. */
class MetricsJourneyTest {
    private static final String APP_SECRET = "canary-metrics-app-secret";
    private static final String ORGANIZATION_SECRET = "metrics-organization-secret-5d1e9b7a3c2f80";
    private static final String USER_SECRET = "metrics-user-secret-2b8d4f6a0c1e3957ab";
    private static final String METRICS_TOKEN = "metrics-token-canary-8e2c4a6b0d1f3957";

    @RegisterExtension
    final JourneyServer server = new JourneyServer();
    private final FakeFacebook facebook = server.facebook();

    @Test
    void showsRequestsProviderCallsInstancesJvmAndPoolBehindItsTokenWithoutIdsOrSecrets() {
        FakeApp app = facebook.registerApp("778899", APP_SECRET, CALLBACK);
        FakeUser ada = facebook.createUser("Ada Lovelace", "ada@example.com");
        facebook.loginAs(ada);
        Map<String, String> settings = server.settings(ORGANIZATION_SECRET, USER_SECRET);
        settings.put("ELEMENTS_METRICS_TOKEN", METRICS_TOKEN);
        int port = server.start(settings).port();
        TestHttpClient platform = ElementsApi.asUser(port, USER_SECRET, ORGANIZATION_SECRET);
        String code = ElementsApi.facebookCode(platform, app, CALLBACK, "public_profile,email");
        TestResponse created = platform.postJson("/instances",
                ElementsApi.facebookInstance(app, CALLBACK, code, "Ada's Facebook"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String elementToken = created.json().path("token").asText();
        long instanceId = created.json().path("id").asLong();
        TestHttpClient hub = ElementsApi.at(port, "Element " + elementToken);

        assertThat(hub.get("/hubs/social/user/me").status()).isEqualTo(200);
        facebook.failNextGraphCalls(1, GraphError.invalidParameter());
        assertThat(hub.get("/hubs/social/user/me?fields=nonsense").status()).isEqualTo(400);
        assertThat(platform.get("/instances/" + instanceId).status()).isEqualTo(200);
        assertThat(platform.get("/instances/" + instanceId).status()).isEqualTo(200);

        TestHttpClient root = TestHttpClient.at("http://127.0.0.1:" + port);
        assertThat(root.get("/metrics").status()).as("without the token").isEqualTo(401);
        TestResponse scrape = root.withHeader("Authorization", "Bearer " + METRICS_TOKEN).get("/metrics");

        assertThat(scrape.status()).isEqualTo(200);
        PrometheusText metrics = PrometheusText.parse(scrape.body());
        assertThat(metrics.sum("http_server_requests_seconds_count", Map.of("method", "GET",
                "route", "/elements/api-v2/instances/{id}", "status", "200"))).isEqualTo(2);
        assertThat(metrics.sum("http_server_requests_seconds_count", Map.of("method", "POST",
                "route", "/elements/api-v2/instances", "status", "200"))).isEqualTo(1);
        assertThat(metrics.sum("http_server_requests_seconds_count", Map.of("route", "/metrics", "status", "401")))
                .isEqualTo(1);
        assertThat(metrics.sum("http_server_requests_seconds_bucket", Map.of("route",
                "/elements/api-v2/instances/{id}", "le", "+Inf"))).isEqualTo(2);

        String calls = "elements_provider_calls_seconds_count";
        assertThat(metrics.sum(calls, Map.of("element", "facebooksocial", "operation", "code_exchange",
                "outcome", "success"))).isEqualTo(1);
        assertThat(metrics.sum(calls, Map.of("element", "facebooksocial", "operation", "hub_call",
                "outcome", "success"))).isEqualTo(1);
        assertThat(metrics.sum(calls, Map.of("element", "facebooksocial", "operation", "hub_call",
                "outcome", "bad_request"))).isEqualTo(1);
        assertThat(metrics.sum("elements_provider_calls_seconds_bucket", Map.of("operation", "hub_call",
                "le", "+Inf"))).isEqualTo(2);

        assertThat(metrics.sum("elements_instances", Map.of("status", "active"))).isEqualTo(1);
        assertThat(metrics.sum("elements_instances", Map.of("status", "needs_reauth"))).isZero();
        assertThat(metrics.named("elements_renewals_total")).extracting(sample -> sample.label("outcome"))
                .containsExactlyInAnyOrder("renewed", "failed", "rejected");
        assertThat(metrics.named("elements_event_deliveries_total")).hasSize(3);

        assertThat(metrics.sum("jvm_memory_used_bytes", Map.of("area", "heap"))).isPositive();
        assertThat(metrics.sum("jvm_threads_live_threads", Map.of())).isPositive();
        assertThat(metrics.named("jvm_gc_memory_allocated_bytes_total")).isNotEmpty();
        assertThat(metrics.sum("hikaricp_connections", Map.of("pool", "elements"))).isPositive();

        assertThat(scrape.body()).as("no raw path with an id becomes a label")
                .doesNotContain("/instances/" + instanceId);
        for (String secret : List.of(METRICS_TOKEN, elementToken, APP_SECRET, USER_SECRET, ORGANIZATION_SECRET,
                code)) {
            assertThat(scrape.body()).as("the metrics hold no secret").doesNotContain(secret);
        }
    }
}
