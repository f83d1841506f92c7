package dev.elements.http;

import dev.elements.testing.TestResponse;
import static dev.elements.http.ApiServer.INSTANCES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 9: Javalin answered HEAD with 200 and no handler on every path that has a GET route, so no
 * authentication ran and anyone could probe which instances, users and routes exist. A HEAD now gets
 * exactly what the GET of the same path gets, without the body: the same refusals and statuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadRequestsTest {
    private ApiServer server;
    private String token;
    private long instanceId;
    private long configurationId;

    @BeforeAll
    void start() {
        // Wrong secrets are sent on purpose, many times: not the throttle's business here.
        server = ApiServer.start(HttpApiSettings.defaults().withFailedAuthentications(100_000, Duration.ofMinutes(1)),
                Clock.systemUTC());
        JsonNode instance = server.provision(server.auth(), "probed", List.of());
        instanceId = instance.path("id").asLong();
        token = instance.path("token").asText();
        configurationId = server.get(INSTANCES + "/" + instanceId + "/configuration", server.auth()).json()
                .path(0).path("id").asLong();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void anAnonymousHeadIsRefusedLikeItsGet() {
        TestResponse head = head(INSTANCES + "/" + instanceId, null);

        assertThat(head.status()).isEqualTo(401);
        assertThat(head.body()).isEmpty();
        assertThat(head.requestId()).isNotBlank();
        assertThat(head(ApiServer.BASE + "/users", null).status()).isEqualTo(401);
    }

    @Test
    void aHeadOfAnUnknownInstanceIsTheSame404AsItsGet() {
        assertThat(head(INSTANCES + "/424242", server.auth()).status()).isEqualTo(404);
        assertThat(head(INSTANCES + "/" + instanceId, server.otherOrganization()).status()).isEqualTo(404);
        assertThat(head(INSTANCES + "/" + instanceId, server.auth()).status()).isEqualTo(200);
    }

    @Test
    void otherVerbsWithoutARouteAreRefusedNotAnswered() {
        for (String verb : List.of("OPTIONS", "TRACE", "PROPFIND", "CONNECTX")) {
            for (String path : List.of(INSTANCES + "/" + instanceId, ApiServer.BASE + "/users", "/health")) {
                HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path))
                        .method(verb, HttpRequest.BodyPublishers.noBody());
                TestResponse answer = server.send(request.build());
                assertThat(answer.status()).as(verb + " " + path).isIn(401, 404, 405);
                assertThat(answer.body()).as(verb + " " + path).doesNotContain("probed");
            }
        }
    }

    @Test
    void everyGetRouteAnswersHeadWithTheStatusOfGet() {
        List<String> paths = new ArrayList<>();
        for (HttpApi.Route route : server.api.routes()) {
            if (route.method().equals("GET")) {
                paths.add(concrete(route.path()));
            }
        }
        assertThat(paths).hasSizeGreaterThan(10);

        SoftAssertions softly = new SoftAssertions();
        for (String path : paths) {
            for (String authorization : new String[] {null, server.auth(), ApiServer.withToken(server.auth(), token),
                    "User wrong, Organization wrong"}) {
                int get = server.get(path, authorization).status();
                TestResponse head = head(path, authorization);
                softly.assertThat(head.status()).as("HEAD %s as %s", path, describe(authorization)).isEqualTo(get);
                softly.assertThat(head.body()).as("body of HEAD %s", path).isEmpty();
            }
        }
        softly.assertAll();
    }

    private String describe(String authorization) {
        if (authorization == null) {
            return "anonymous";
        }
        return authorization.contains("Element") ? "the owner with a token"
                : authorization.contains("wrong") ? "a wrong secret" : "the owner";
    }

    private String concrete(String template) {
        return template
                .replace("{id}", Long.toString(instanceId))
                .replace("{keyOrId}", "scripted")
                .replace("{configId}", Long.toString(configurationId))
                .replace("{hub}", "testing")
                .replace("<path>", "items")
                .replaceAll("\\{[^}]+}", "1");
    }

    private TestResponse head(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return server.send(request.build());
    }
}
