package dev.elements.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.app.ElementsApi;
import dev.elements.app.TestServers;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.testing.SlowBodies;
import dev.elements.testing.TestHttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow request bodies against the real jar: 500 connections from another loopback address that
 * promise a large body (some larger than the limit) and then drip one byte every two seconds,
 * without credentials. Once they held every thread, {@code /health} included; now the server keeps
 * answering.
 */
class SlowClientsJarTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final int SLOW_CONNECTIONS = 500;
    private static final long DEADLINE_SECONDS = 20;
    private static final String CALLBACK = "https://app.example/callback";
    private static final String ORGANIZATION_SECRET = "slow-clients-organization-secret-0123456789";
    private static final String USER_SECRET = "slow-clients-user-secret-0123456789abcdef";
    private static final String BASE = "/elements/api-v2";

    @TempDir
    Path data;

    @Test
    void slowBodiesFromManyConnectionsDoNotStopHealthOrProvisioning() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (SlowBodies slow = new SlowBodies();
                FakeFacebook facebook = FakeFacebook.start();
                JarProcess jar = JarProcess.start(TestServers.settings(data, facebook, ORGANIZATION_SECRET,
                        USER_SECRET))) {
            FakeApp app = facebook.registerApp("555000222", "slow-clients-app-secret", CALLBACK);
            FakeUser user = facebook.createUser("Slow Client Victim");
            facebook.loginAs(user);
            int port = jar.awaitPort(START);
            TestHttpClient client = ElementsApi.asUser(port, USER_SECRET, ORGANIZATION_SECRET);
            String code = ElementsApi.facebookCode(client, app, CALLBACK);

            String oauthUrl = BASE + "/elements/facebooksocial/oauth/url";
            for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                if (i % 4 == 0) {
                    // Over the 1 MiB limit, but within what was once drained before the 413.
                    slow.open(port, "POST", BASE + "/instances", null, 2 * 1024 * 1024);
                } else {
                    // A route that reads its body without credentials.
                    slow.open(port, "POST", oauthUrl, null, 100_000);
                }
            }
            slow.drip(Duration.ofSeconds(2));

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
            clients.shutdownNow();
        }
    }
}
