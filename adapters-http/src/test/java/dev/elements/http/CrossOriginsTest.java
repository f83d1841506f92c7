package dev.elements.http;

import static dev.elements.http.ApiServer.INSTANCES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CORS for browser clients: a preflight and a real request, from an allowed and from a refused
 * origin, with the origins the operator allowed and with none (the default).
 */
class CrossOriginsTest {
    private static final String ALLOWED = "https://app.example";
    private static final String REFUSED = "https://evil.example";

    private ApiServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private void start(List<String> origins) {
        server = ApiServer.start(HttpApiSettings.defaults().withCorsOrigins(origins), Clock.systemUTC());
    }

    private TestHttpClient from(String origin, String authorization) {
        return server.as(authorization).withHeader("Origin", origin);
    }

    private TestResponse preflight(String origin, String path, String method, String headers) {
        TestHttpClient client = from(origin, null).withHeader("Access-Control-Request-Method", method);
        return (headers == null ? client : client.withHeader("Access-Control-Request-Headers", headers))
                .send("OPTIONS", path, null, null);
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredOnEveryRoute() {
        start(List.of(ALLOWED, "https://other.example:8443"));

        for (String path : List.of(INSTANCES, INSTANCES + "/12/configuration", ApiServer.BASE + "/hubs/social/user/me",
                ApiServer.BASE + "/organizations/users/3", "/health")) {
            TestResponse answer = preflight(ALLOWED, path, "PATCH",
                    "authorization, content-type, idempotency-key, elements-async-request");

            assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(204);
            assertThat(answer.body()).isEmpty();
            assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
            assertThat(answer.header("Vary")).contains("Origin");
            assertThat(answer.header("Access-Control-Allow-Methods"))
                    .contains("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
            assertThat(answer.header("Access-Control-Allow-Headers"))
                    .contains("Authorization", "Content-Type", "Idempotency-Key", "elements-async-request");
            assertThat(answer.header("Access-Control-Max-Age")).isEqualTo("3600");
            assertThat(answer.header("Access-Control-Allow-Credentials")).isNull();
        }
        assertThat(preflight("https://OTHER.example:8443", INSTANCES, "GET", null).status())
                .as("origins compare without regard to case").isEqualTo(204);
    }

    @Test
    void aRealRequestFromAnAllowedOriginMayReadTheElementsHeaders() {
        start(List.of(ALLOWED));

        TestResponse listed = from(ALLOWED, server.auth()).get(INSTANCES);
        TestResponse refused = from(ALLOWED, null).get(INSTANCES);

        for (TestResponse response : List.of(listed, refused)) {
            assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
            assertThat(response.header("Vary")).contains("Origin");
            assertThat(response.header("Access-Control-Expose-Headers")).contains("Elements-Request-Id",
                    "Elements-Next-Page-Token", "Elements-Returned-Count", "Elements-Total-Count",
                    "Elements-Element-Instance-Id", "Retry-After");
        }
        assertThat(listed.status()).isEqualTo(200);
        assertThat(refused.status()).as("CORS lets the page read the refusal; it grants nothing").isEqualTo(401);
    }

    @Test
    void anotherOriginGetsNoCorsHeadersAndItsPreflightIsRefused() {
        start(List.of(ALLOWED));

        TestResponse preflight = preflight(REFUSED, INSTANCES, "GET", "authorization");
        TestResponse request = from(REFUSED, server.auth()).get(INSTANCES);

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.json().path("requestId").asText()).isEqualTo(preflight.requestId());
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();
        assertThat(request.status()).as("the server answers; the browser withholds it from the page").isEqualTo(200);
        assertThat(request.header("Access-Control-Allow-Origin")).isNull();
        assertThat(request.header("Access-Control-Expose-Headers")).isNull();
        assertThat(request.header("Vary")).contains("Origin");
    }

    @Test
    void byDefaultNoBrowserPageMayCallTheApi() {
        start(List.of());

        TestResponse preflight = preflight(ALLOWED, INSTANCES, "GET", "authorization");
        TestResponse request = from(ALLOWED, server.auth()).get(INSTANCES);

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(request.status()).isEqualTo(200);
        for (TestResponse response : List.of(preflight, request)) {
            assertThat(response.headers().map().keySet()).as("no CORS header at all")
                    .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"))
                    .noneMatch(name -> name.equalsIgnoreCase("Vary"));
        }
    }

    @Test
    void anyOriginWhenTheOperatorAllowsStar() {
        start(List.of("*"));

        TestResponse preflight = preflight(REFUSED, INSTANCES, "DELETE", "Authorization");
        TestResponse request = from(REFUSED, server.auth()).get(INSTANCES);

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(request.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void anOptionsRequestThatIsNoPreflightIsAnsweredAsBefore() {
        start(List.of(ALLOWED));

        TestResponse plain = server.as(server.auth()).send("OPTIONS", INSTANCES, null, null);

        assertThat(plain.status()).isEqualTo(405);
        assertThat(plain.header("Access-Control-Allow-Origin")).isNull();
    }
}
