package dev.elements.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.ProviderHttpRequest;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkProviderHttpTest {
    private final JdkProviderHttp http = new JdkProviderHttp(Duration.ofSeconds(2));
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/echo", exchange -> {
            byte[] body = (exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawQuery() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-App-Usage", "{\"call_count\":5}");
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    @Test
    void sendsFormsAndReadsStatusHeadersAndBody() {
        ProviderHttpResponse response = http.send(
                ProviderHttpRequest.form("POST", uri("/echo?a=1"), "code=x%20y", Duration.ofSeconds(5)));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.successful()).isTrue();
        assertThat(response.header("x-app-usage")).contains("{\"call_count\":5}");
        assertThat(response.bodyText()).isEqualTo("POST a=1 code=x%20y");
    }

    /**
     * The JDK client's sendAsync handed each answer to CompletableFuture's default executor, a new
     * thread per answer wherever the common pool has fewer than two threads (two cores or fewer,
     * as here); the calls on this test's machine started one thread each.
     */
    @Test
    void callsOneAfterAnotherStartNoThreadPerCall() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startedBefore = threads.getTotalStartedThreadCount();
        for (int call = 0; call < 200; call++) {
            assertThat(http.send(ProviderHttpRequest.get(uri("/echo?call=" + call), Duration.ofSeconds(5))).status())
                    .isEqualTo(201);
        }
        assertThat(threads.getTotalStartedThreadCount() - startedBefore)
                .as("threads started during 200 calls, the test server's included").isLessThan(20);
    }

    @Test
    void aSlowProviderTimesOutWithoutNamingTheQuery() {
        assertThatThrownBy(() -> http.send(
                ProviderHttpRequest.get(uri("/slow?access_token=canary-token"), Duration.ofMillis(300))))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ProviderErrorClass.TIMEOUT);
                    assertThat(e.error().message()).isEmpty();
                    assertThat(e.getMessage()).contains("/slow").doesNotContain("canary-token");
                });
    }

    /**
     * A provider on a raw socket: answers every connection with {@code head} and then whatever
     * {@code tail} writes, until the client hangs up or the test ends.
     */
    private static final class RawProvider implements AutoCloseable {
        interface Tail {
            void write(OutputStream out) throws IOException, InterruptedException;
        }

        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final java.util.concurrent.ExecutorService threads = Executors.newCachedThreadPool();

        RawProvider(String head, Tail tail) throws IOException {
            threads.execute(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket connection = socket.accept();
                        threads.execute(() -> answer(connection, head, tail));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        private static void answer(Socket connection, String head, Tail tail) {
            try (connection) {
                connection.getInputStream().read(new byte[8192]);
                OutputStream out = connection.getOutputStream();
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                tail.write(out);
            } catch (IOException | InterruptedException hungUp) {
                // the client gave up, as it should
            }
        }

        URI uri(String pathAndQuery) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + pathAndQuery);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            threads.shutdownNow();
        }
    }

    /** The outcome of a call, awaited with a deadline far above anything the call should take. */
    private static Throwable failureOf(Supplier<ProviderHttpResponse> call) throws Exception {
        CompletableFuture<ProviderHttpResponse> outcome = CompletableFuture.supplyAsync(call);
        try {
            outcome.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the call succeeded");
    }

    @Test
    void aProviderDrippingItsBodyTimesOutWithinTheRequestTimeout() throws Exception {
        // Headers at once, then one byte of a promised 10,000 every 50 ms: ten minutes in all.
        try (RawProvider dripping = new RawProvider(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n", out -> {
                    for (int i = 0; i < 10_000; i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(50);
                    }
                })) {
            Throwable failure = failureOf(() -> http.send(
                    ProviderHttpRequest.get(dripping.uri("/drip?access_token=canary-token"), Duration.ofMillis(500))));

            assertThat(failure).isInstanceOfSatisfying(ProviderException.class, e -> {
                assertThat(e.errorClass()).isEqualTo(ProviderErrorClass.TIMEOUT);
                assertThat(e.getMessage()).contains("/drip").doesNotContain("canary-token");
            });
        }
    }

    @Test
    void anAnswerLargerThanTheLimitIsCutOffNotRead() throws Exception {
        JdkProviderHttp capped = new JdkProviderHttp(Duration.ofSeconds(2), 64 * 1024);
        byte[] block = new byte[16 * 1024];
        java.util.Arrays.fill(block, (byte) 'x');
        // Up to 4 GiB, chunked so nothing announces the size: the limit must be counted.
        try (RawProvider flooding = new RawProvider(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
                out -> {
                    byte[] chunkHead = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < 256 * 1024; i++) {
                        out.write(chunkHead);
                        out.write(block);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                });
                RawProvider announcing = new RawProvider(
                        "HTTP/1.1 200 OK\r\nContent-Length: 3000000000\r\n\r\n", out -> {
                            while (true) {
                                out.write(block);
                            }
                        })) {
            for (RawProvider tooLarge : java.util.List.of(flooding, announcing)) {
                Throwable failure = failureOf(() -> capped.send(
                        ProviderHttpRequest.get(tooLarge.uri("/huge"), Duration.ofSeconds(10))));

                assertThat(failure).isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ProviderErrorClass.TOO_LARGE);
                    assertThat(e.getMessage()).contains("65536 bytes").contains("/huge");
                });
            }
        }
        assertThat(capped.send(ProviderHttpRequest.form("POST", uri("/echo"), "small", Duration.ofSeconds(5)))
                .bodyText()).isEqualTo("POST null small");
    }

    @Test
    void anUnreachableProviderIsTransient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI unreachable = URI.create("http://127.0.0.1:" + closedPort + "/x?access_token=canary-token");

        assertThatThrownBy(() -> http.send(ProviderHttpRequest.get(unreachable, Duration.ofSeconds(2))))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ProviderErrorClass.TRANSIENT);
                    assertThat(e.getMessage()).doesNotContain("canary-token");
                });
    }

    @Test
    void requestsNeverPrintTheirQuery() {
        assertThat(ProviderHttpRequest.get(uri("/me?access_token=canary"), Duration.ofSeconds(1)).toString())
                .endsWith("/me").doesNotContain("canary");
    }
}
