package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.port.out.ReadinessCheck;
import dev.elements.testing.TestResponse;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class HealthRoutesTest {

    private static ReadinessCheck check(String name, boolean ready) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean ready() {
                return ready;
            }
        };
    }

    @Test
    void upWhenEveryCheckPassesAtTheRootAndUnderTheBasePath() {
        try (ApiServer server = ApiServer.start(builder -> builder.readinessCheck(check("database", true)))) {
            for (String path : new String[] {"/health", "/elements/api-v2/health"}) {
                TestResponse response = server.get(path, null);

                assertThat(response.status()).isEqualTo(200);
                ApiServer.assertJsonContentType(response);
                assertThat(response.json().path("status").asText()).isEqualTo("UP");
                assertThat(response.json().path("checks").path("database").asText()).isEqualTo("UP");
                assertThat(response.requestId()).matches("[0-9a-f]{24}");
            }
        }
    }

    @Test
    void downWith503WhenAnyCheckFails() {
        try (ApiServer server = ApiServer.start(builder -> builder
                .readinessCheck(check("database", true))
                .readinessCheck(check("keys", false)))) {
            TestResponse response = server.get("/health", null);

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.json().path("status").asText()).isEqualTo("DOWN");
            assertThat(response.json().path("checks").path("database").asText()).isEqualTo("UP");
            assertThat(response.json().path("checks").path("keys").asText()).isEqualTo("DOWN");
        }
    }

    @Test
    void upWithoutChecks() {
        try (ApiServer server = ApiServer.start()) {
            TestResponse response = server.get("/health", null);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("checks").isObject()).isTrue();
        }
    }

    @Test
    void aDemoSaysSoBesideTheUsualFieldsAndAServerInTheUsualModeShowsNoMode() {
        try (ApiServer demo = ApiServer.start(HttpApiSettings.defaults().withMode("demo"), Clock.systemUTC());
                ApiServer usual = ApiServer.start()) {
            TestResponse response = demo.get("/health", null);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("status").asText()).isEqualTo("UP");
            assertThat(response.json().path("checks").isObject()).isTrue();
            assertThat(response.json().path("mode").asText()).isEqualTo("demo");
            assertThat(usual.get("/health", null).json().has("mode")).isFalse();
        }
    }
}
