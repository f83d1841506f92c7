package dev.elements.app.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.testing.TestResponse;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A browser application calls the API from an allowed origin; others are not let in. */
class CorsCompatTest {
    private static final String ORIGIN = "https://console.app.example";

    @RegisterExtension
    final CompatServer server = new CompatServer(Map.of("ELEMENTS_HTTP_CORS_ORIGINS", ORIGIN));

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredAndTheRealRequestExposesThePagingHeaders() {
        HttpRequest preflight = server.anonymous().request("/instances")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization, content-type").build();

        TestResponse answer = server.anonymous().send(preflight);

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(answer.header("Access-Control-Allow-Methods")).contains("GET");
        assertThat(answer.header("Access-Control-Allow-Headers").toLowerCase()).contains("authorization")
                .contains("content-type");

        TestResponse real = server.platform().send(server.platform().request("/instances").header("Origin", ORIGIN)
                .GET().build());
        assertThat(real.status()).isEqualTo(200);
        assertThat(real.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(real.header("Access-Control-Expose-Headers")).contains("Elements-Next-Page-Token")
                .contains("Elements-Returned-Count").contains("Elements-Request-Id");
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() {
        TestResponse real = server.platform().send(server.platform().request("/instances")
                .header("Origin", "https://evil.example").GET().build());

        assertThat(real.header("Access-Control-Allow-Origin")).isNull();
    }
}
