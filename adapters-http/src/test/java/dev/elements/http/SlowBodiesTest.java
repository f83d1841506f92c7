package dev.elements.http;

import static dev.elements.http.ApiServer.INSTANCES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.testing.SlowBodies;
import java.io.IOException;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: about 300 connections that declare a large body and then send a byte every few seconds
 * held every server thread in a blocking read, and every route stopped answering, {@code /health}
 * included. Here 500 such connections, anonymous and authenticated, against every kind of route that
 * reads a body (and a declared oversize, which is drained before the 413), drip for the whole test;
 * {@code /health} and a provisioning call must still answer promptly. Everything stays on loopback,
 * bounded in count, and is closed at the end.
 */
class SlowBodiesTest {
    private static final int SLOW_CONNECTIONS = 500;
    private static final int AUTHENTICATED_SLOW_CONNECTIONS = 40;
    /** Longer than the test needs, so that the slow requests hold whatever they can for all of it. */
    private static final Duration BODY_READ_TIMEOUT = Duration.ofSeconds(30);
    /** Generous: on a quiet machine the answers take milliseconds; starved, they never come. */
    private static final long DEADLINE_SECONDS = 5;

    private ApiServer server;
    private final SlowBodies slow = new SlowBodies();
    private final ExecutorService clients = Executors.newFixedThreadPool(4);

    @BeforeEach
    void start() {
        // Some of the slow requests carry wrong secrets; the throttle of failed authentications would
        // soon refuse the rest of them from their address, which would hide what this test is about.
        server = ApiServer.start(HttpApiSettings.defaults().withFailedAuthentications(1_000_000, Duration.ofMinutes(1))
                .withBodyReadTimeout(BODY_READ_TIMEOUT), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws InterruptedException {
        slow.close();
        clients.shutdownNow();
        clients.awaitTermination(10, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void slowBodiesDoNotStopOtherRequests() throws Exception {
        String token = server.provision(server.auth(), "dripped on", List.of()).path("token").asText();
        String elementsOauthUrl = ApiServer.BASE + "/elements/scripted/oauth/url";
        String hub = ApiServer.BASE + "/hubs/testing/items";
        List<SlowRequest> anonymous = List.of(
                // Routes that read a body without credentials, or used to before checking them.
                new SlowRequest("POST", elementsOauthUrl, null, 100_000),
                new SlowRequest("POST", hub, "Element not-a-token", 100_000),
                new SlowRequest("POST", elementsOauthUrl, null, 100_000),
                new SlowRequest("POST", hub, "Element not-a-token", 100_000),
                // Over the 1 MiB limit, but within what was drained before the 413.
                new SlowRequest("POST", INSTANCES, null, 2 * 1024 * 1024),
                new SlowRequest("POST", INSTANCES, "User wrong, Organization wrong", 100_000),
                new SlowRequest("PATCH", ApiServer.BASE + "/users/1", null, 100_000));
        for (int i = 0; i < SLOW_CONNECTIONS - AUTHENTICATED_SLOW_CONNECTIONS; i++) {
            anonymous.get(i % anonymous.size()).open(slow, server.port);
        }
        // A user's own slow bodies take threads of the users, within their bound, until the deadline.
        SlowRequest authenticated = new SlowRequest("POST", hub, ApiServer.withToken(server.auth(), token), 100_000);
        for (int i = 0; i < AUTHENTICATED_SLOW_CONNECTIONS; i++) {
            authenticated.open(slow, server.port);
        }
        slow.drip(Duration.ofSeconds(2));

        CompletableFuture<Integer> health = CompletableFuture.supplyAsync(
                () -> server.get("/health", null).status(), clients);
        CompletableFuture<Integer> provisioned = CompletableFuture.supplyAsync(
                () -> server.postJson(INSTANCES, server.auth(),
                        ApiServer.provisionBody(server.acceptedCode(), "while dripping", List.of())).status(),
                clients);

        assertThat(health).succeedsWithin(DEADLINE_SECONDS, TimeUnit.SECONDS).isEqualTo(200);
        assertThat(provisioned).succeedsWithin(DEADLINE_SECONDS, TimeUnit.SECONDS).isEqualTo(200);
        // And again, once the slow requests have had time to take whatever they can take.
        assertThat(CompletableFuture.supplyAsync(() -> server.get("/health", null).status(), clients))
                .succeedsWithin(DEADLINE_SECONDS, TimeUnit.SECONDS).isEqualTo(200);
    }

    @Test
    void aBodyThatTakesLongerThanTheReadTimeoutLosesItsConnection() throws Exception {
        server.close();
        server = ApiServer.start(HttpApiSettings.defaults().withBodyReadTimeout(Duration.ofMillis(500)),
                Clock.systemUTC());
        Socket dripping = new SlowRequest("POST", INSTANCES, server.auth(), 100_000).open(slow, server.port);
        slow.drip(Duration.ofMillis(100));

        // The server closes the connection without an answer: the client is still sending its request.
        CompletableFuture<Integer> end = CompletableFuture.supplyAsync(() -> {
            try {
                return dripping.getInputStream().read();
            } catch (IOException e) {
                return -1;
            }
        }, clients);
        assertThat(end).succeedsWithin(DEADLINE_SECONDS * 2, TimeUnit.SECONDS).isEqualTo(-1);
        assertThat(server.get("/health", null).status()).isEqualTo(200);
    }

    /** A request whose headers promise {@code length} bytes, of which the first arrives at once. */
    record SlowRequest(String method, String path, String authorization, long length) {
        Socket open(SlowBodies bodies, int port) throws IOException {
            return bodies.open(port, method, path, authorization, length);
        }
    }
}
