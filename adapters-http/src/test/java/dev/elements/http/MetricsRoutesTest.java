package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.Elements;
import dev.elements.core.testing.ScriptedElementProvider;
import dev.elements.testing.PrometheusText;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsRoutesTest {
    private static final String REQUESTS = "http_server_requests_seconds_count";

    @Test
    void countsRequestsByRouteTemplateMethodAndStatusWithALatencyHistogram() {
        try (ApiServer server = ApiServer.start()) {
            server.get("/health", null);
            server.get("/health", null);
            server.get(ApiServer.INSTANCES + "/424242", server.auth());
            server.get("/nowhere/868686", null);

            TestResponse scrape = server.get("/metrics", null);

            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.header("Content-Type")).startsWith("text/plain").contains("version=0.0.4");
            PrometheusText metrics = PrometheusText.parse(scrape.body());
            assertThat(metrics.sum(REQUESTS, Map.of("method", "GET", "route", "/health", "status", "200")))
                    .isEqualTo(2);
            assertThat(metrics.sum(REQUESTS, Map.of("method", "GET", "route", ApiServer.INSTANCES + "/{id}",
                    "status", "404"))).isEqualTo(1);
            assertThat(metrics.sum(REQUESTS, Map.of("route", HttpMetrics.UNMATCHED, "status", "404"))).isEqualTo(1);
            assertThat(metrics.sum("http_server_requests_seconds_bucket", Map.of("route", "/health", "le", "+Inf")))
                    .isEqualTo(2);
            assertThat(scrape.body()).as("ids and paths asked for never become labels")
                    .doesNotContain("424242").doesNotContain("868686").doesNotContain("nowhere");
        }
    }

    @Test
    void aTokenProtectsTheMetricsAndNeverShowsInThem() {
        String token = "metrics-canary-7f3a9c";
        Elements elements = Elements.builder().inMemory().provider(new ScriptedElementProvider()).build();
        HttpApi api = new HttpApi(EmbeddedUseCases.of(elements, new RecordingEvents()), HttpApiSettings.defaults(),
                HttpMetrics.protectedBy(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), token));
        try {
            TestHttpClient http = TestHttpClient.at("http://127.0.0.1:" + api.start("127.0.0.1", 0));

            TestResponse without = http.get("/metrics");
            TestResponse wrong = http.withHeader("Authorization", "Bearer " + token + "x").get("/metrics");
            TestResponse otherScheme = http.withHeader("Authorization", "Basic " + token).get("/metrics");
            TestResponse right = http.withHeader("Authorization", "Bearer " + token).get("/metrics");

            assertThat(without.status()).isEqualTo(401);
            assertThat(without.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(otherScheme.status()).isEqualTo(401);
            assertThat(right.status()).isEqualTo(200);
            assertThat(PrometheusText.parse(right.body()).sum(REQUESTS, Map.of("route", "/metrics", "status", "401")))
                    .isEqualTo(3);
            assertThat(without.body() + wrong.body() + right.body()).doesNotContain(token);
        } finally {
            api.stop();
        }
    }
}
