package dev.elements.http;

import static dev.elements.http.ApiServer.INSTANCES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.testing.LogCapture;
import dev.elements.testing.TestResponse;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: the verb on the wire is the verb. Javalin reads {@code X-HTTP-Method-Override} into
 * {@code ctx.method()}, so a GET or HEAD carrying {@code DELETE} deleted an instance, and the
 * request log wrote the overridden verb, hiding it from anything that filters by method.
 */
class MethodOverrideTest {
    private static final String OVERRIDE = "X-HTTP-Method-Override";

    private ApiServer server;
    private String instance;

    @BeforeEach
    void start() {
        server = ApiServer.start();
        instance = INSTANCES + "/" + server.provision(server.auth(), "kept", List.of()).path("id").asLong();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aGetThatAsksForDeleteIsAGet() {
        TestResponse answer;
        List<String> log;
        try (LogCapture capture = new LogCapture()) {
            answer = server.send(withOverride("GET", instance, "DELETE"));
            log = capture.lines();
        }

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("name").asText()).isEqualTo("kept");
        assertThat(server.get(instance, server.auth()).status()).isEqualTo(200);
        assertThat(log).filteredOn(line -> line.contains("RequestLog"))
                .singleElement().asString().contains("GET " + instance + " 200").doesNotContain("DELETE");
    }

    @Test
    void aHeadThatAsksForDeleteDeletesNothing() {
        TestResponse answer = server.send(withOverride("HEAD", instance, "DELETE"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(server.get(instance, server.auth()).status()).isEqualTo(200);
    }

    @Test
    void aPostThatAsksForGetIsAPost() {
        // POST is not served on an instance: with the header honoured it would have read the instance.
        TestResponse plain = server.send("POST", instance, server.auth(), "{}");
        TestResponse overridden = server.send(HttpRequest.newBuilder(server.uri(instance))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Authorization", server.auth())
                .header("Content-Type", "application/json")
                .header(OVERRIDE, "GET")
                .build());

        assertThat(plain.status()).isEqualTo(405);
        assertThat(overridden.status()).isEqualTo(405);
        assertThat(overridden.message()).contains("POST");
    }

    @Test
    void aDeleteThatAsksForGetStillDeletes() {
        TestResponse answer = server.send(withOverride("DELETE", instance, "GET"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(server.get(instance, server.auth()).status()).isEqualTo(404);
    }

    private HttpRequest withOverride(String method, String path, String override) {
        return HttpRequest.newBuilder(server.uri(path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", server.auth())
                .header(OVERRIDE, override)
                .build();
    }
}
