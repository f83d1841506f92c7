package dev.elements.http;

import static dev.elements.http.ApiServer.INSTANCES;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
    /** Linux routes all of 127.0.0.0/8 to the loopback interface. */
    private static final String ATTACKER = "127.0.0.2";
    /** Generous: on a quiet machine the answers take milliseconds; starved, they never come. */
    private static final long DEADLINE_SECONDS = 5;

    private ApiServer server;
    private final List<Socket> slow = new ArrayList<>();
    private final ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService clients = Executors.newFixedThreadPool(4);

    @BeforeEach
    void start() {
        server = ApiServer.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        drip.shutdownNow();
        for (Socket socket : slow) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closed by the server already.
            }
        }
        clients.shutdownNow();
        clients.awaitTermination(10, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void slowBodiesDoNotStopOtherRequests() throws Exception {
        String token = server.provision(server.auth(), "dripped on", List.of()).path("token").asText();
        List<SlowRequest> kinds = List.of(
                new SlowRequest("POST", ApiServer.BASE + "/elements/scripted/oauth/url", null, 100_000),
                new SlowRequest("POST", INSTANCES, server.auth(), 100_000),
                new SlowRequest("POST", INSTANCES, null, 100_000),
                new SlowRequest("POST", ApiServer.BASE + "/hubs/testing/items", ApiServer.withToken(server.auth(),
                        token), 100_000),
                new SlowRequest("POST", ApiServer.BASE + "/hubs/testing/items", "Element not-a-token", 100_000),
                new SlowRequest("PATCH", ApiServer.BASE + "/users/1", server.auth(), 100_000),
                // Over the 1 MiB limit, but within what was drained before the 413.
                new SlowRequest("POST", INSTANCES, null, 2 * 1024 * 1024));
        for (int i = 0; i < SLOW_CONNECTIONS; i++) {
            slow.add(kinds.get(i % kinds.size()).open(server.port));
        }
        drip.scheduleWithFixedDelay(this::dripOneByteEach, 1, 2, TimeUnit.SECONDS);

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

    private void dripOneByteEach() {
        for (Socket socket : slow) {
            if (!socket.isClosed()) {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(' ');
                    out.flush();
                } catch (IOException e) {
                    // The server gave up on this one, as it should.
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // Closing a broken socket.
                    }
                }
            }
        }
    }

    /** A request whose headers promise {@code length} bytes, of which the first arrives at once. */
    record SlowRequest(String method, String path, String authorization, long length) {
        Socket open(int port) throws IOException {
            Socket socket = new Socket();
            // From another address than the test's own client, as an attacker would be: the wrong
            // secrets some of these send get that address throttled, not the test's.
            socket.bind(new InetSocketAddress(ATTACKER, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            StringBuilder head = new StringBuilder()
                    .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n")
                    .append("Content-Type: application/json\r\n")
                    .append("Content-Length: ").append(length).append("\r\n");
            if (authorization != null) {
                head.append("Authorization: ").append(authorization).append("\r\n");
            }
            head.append("\r\n{");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return socket;
        }
    }
}
