package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.port.out.ReadinessCheck;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Requests in flight when {@link HttpApi#stop()} is called are answered. No test here waits for a
 * fixed time: a request is held in its handler until the stop has demonstrably begun, which a
 * kept-alive idle connection shows by being closed, as Jetty does to idle connections once the
 * shortened shutdown idle timeout has passed.
 */
class GracefulStopTest {

    /** A readiness check that holds its callers until released, so requests are in flight when stop() is called. */
    private static final class GatedCheck implements ReadinessCheck {
        final CountDownLatch entered;
        final CountDownLatch release = new CountDownLatch(1);

        GatedCheck(int callers) {
            this.entered = new CountDownLatch(callers);
        }

        @Override
        public String name() {
            return "gated";
        }

        @Override
        public boolean ready() {
            entered.countDown();
            try {
                // Bounded only so that a broken test cannot hang the build.
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    @Test
    void requestsInFlightFinishBeforeTheServerStops() throws Exception {
        GatedCheck gated = new GatedCheck(1);
        ApiServer server = ApiServer.start(builder -> builder.readinessCheck(gated));
        HttpClient client = HttpClient.newHttpClient();
        try (IdleConnection idle = IdleConnection.open(server)) {
            CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                    HttpRequest.newBuilder(server.uri("/health")).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(gated.entered.await(5, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            idle.awaitClosedByServer();
            gated.release.countDown();

            HttpResponse<String> response = inFlight.get(5, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"UP\"");
            stopping.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRequestThatWaitsLongerThanTheShutdownIdleTimeoutStillFinishes() throws Exception {
        // Several in flight at once, each silent past the shortened idle timeout (the idle
        // connection's closing shows it has passed): this is where Jetty used to drop requests
        // during a stop.
        GatedCheck gated = new GatedCheck(4);
        ApiServer server = ApiServer.start(builder -> builder.readinessCheck(gated));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (IdleConnection idle = IdleConnection.open(server)) {
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                inFlight.add(client.sendAsync(HttpRequest.newBuilder(server.uri("/health"))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            assertThat(gated.entered.await(5, TimeUnit.SECONDS)).as("all four are being handled").isTrue();

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            idle.awaitClosedByServer();
            gated.release.countDown();

            for (CompletableFuture<HttpResponse<String>> request : inFlight) {
                assertThat(request.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            stopping.get(10, TimeUnit.SECONDS);
        }
    }

    /** A kept-alive HTTP/1.1 connection that has had its answer and now sends nothing. */
    private static final class IdleConnection implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;

        private IdleConnection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
        }

        /** Opens a connection and has one quick request answered on it (a 404), keeping it alive. */
        static IdleConnection open(ApiServer server) throws IOException {
            Socket socket = new Socket("127.0.0.1", server.port);
            // A bound, so that a broken test cannot hang the build; nothing is timed by it.
            socket.setSoTimeout(30_000);
            IdleConnection connection = new IdleConnection(socket);
            socket.getOutputStream().write(("GET /nothing-here HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            connection.readResponse();
            return connection;
        }

        private void readResponse() throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int next = in.read();
                assertThat(next).as("the server answered").isNotNegative();
                head.append((char) next);
            }
            long length = head.toString().lines()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                    .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim()))
                    .findFirst()
                    .orElseThrow();
            assertThat(in.readNBytes((int) length)).hasSize((int) length);
        }

        /** Returns once the server has closed this connection, which it does only when it is stopping. */
        void awaitClosedByServer() throws IOException {
            try {
                assertThat(in.read()).as("nothing but the end of the stream").isEqualTo(-1);
            } catch (java.net.SocketException e) {
                // Closed by a reset rather than an orderly end: closed all the same.
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
