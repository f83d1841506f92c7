package dev.elements.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.app.ElementsApi;
import dev.elements.app.TestServers;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.testing.TestHttpClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow request bodies against the real jar: 500 connections from another loopback address that
 * promise a large body and then drip one byte every two seconds, without credentials or with
 * wrong ones. Once they held every thread, {@code /health} included; now the server keeps answering.
 */
class SlowClientsJarTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final int SLOW_CONNECTIONS = 500;
    private static final long DEADLINE_SECONDS = 20;
    private static final String CALLBACK = "https://app.example/callback";
    private static final String ORGANIZATION_SECRET = "slow-clients-organization-secret-0123456789";
    private static final String USER_SECRET = "slow-clients-user-secret-0123456789abcdef";
    private static final String ATTACKER = "127.0.0.2";
    private static final String BASE = "/elements/api-v2";

    @TempDir
    Path data;

    private final List<Socket> slow = new ArrayList<>();

    @Test
    void slowBodiesFromManyConnectionsDoNotStopHealthOrProvisioning() throws Exception {
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (FakeFacebook facebook = FakeFacebook.start();
                JarProcess jar = JarProcess.start(TestServers.settings(data, facebook, ORGANIZATION_SECRET,
                        USER_SECRET))) {
            FakeApp app = facebook.registerApp("555000222", "slow-clients-app-secret", CALLBACK);
            FakeUser user = facebook.createUser("Slow Client Victim");
            facebook.loginAs(user);
            int port = jar.awaitPort(START);
            TestHttpClient client = ElementsApi.asUser(port, USER_SECRET, ORGANIZATION_SECRET);
            String code = ElementsApi.facebookCode(client, app, CALLBACK);

            String oauthUrl = BASE + "/elements/facebooksocial/oauth/url";
            List<String> heads = List.of(
                    // Three in four on a route that reads its body without credentials.
                    head("POST", oauthUrl, null, 100_000, port),
                    head("POST", oauthUrl, null, 100_000, port),
                    // Over the 1 MiB limit, but within what was once drained before the 413.
                    head("POST", BASE + "/instances", null, 2 * 1024 * 1024, port),
                    head("POST", oauthUrl, null, 100_000, port));
            for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                slow.add(open(heads.get(i % heads.size()), port));
            }
            drip.scheduleWithFixedDelay(this::dripOneByteEach, 1, 2, TimeUnit.SECONDS);

            CompletableFuture<Integer> health = CompletableFuture.supplyAsync(
                    () -> client.get("/health").status(), clients);
            CompletableFuture<Integer> provisioned = CompletableFuture.supplyAsync(
                    () -> client.postJson("/instances", ElementsApi.facebookInstance(app, CALLBACK, code, "dripped"))
                            .status(), clients);

            assertThat(health).succeedsWithin(DEADLINE_SECONDS, TimeUnit.SECONDS).isEqualTo(200);
            assertThat(provisioned).succeedsWithin(DEADLINE_SECONDS, TimeUnit.SECONDS).isEqualTo(200);
            assertThat(CompletableFuture.supplyAsync(() -> client.get("/health").status(), clients))
                    .succeedsWithin(DEADLINE_SECONDS, TimeUnit.SECONDS).isEqualTo(200);
        } finally {
            drip.shutdownNow();
            for (Socket socket : slow) {
                closeQuietly(socket);
            }
            clients.shutdownNow();
        }
    }

    /** Headers that promise {@code length} bytes, and the body's first byte. */
    private static String head(String method, String path, String authorization, long length, int port) {
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(length).append("\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        return head.append("\r\n{").toString();
    }

    private static Socket open(String head, int port) throws IOException {
        Socket socket = new Socket();
        // From another address than the test's own client, as an attacker's would be, so that the
        // wrong secrets some of these send get that address throttled, not the test's.
        socket.bind(new InetSocketAddress(ATTACKER, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
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
                    closeQuietly(socket);
                }
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed by the server.
        }
    }
}
