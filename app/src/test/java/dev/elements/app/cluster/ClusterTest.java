package dev.elements.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.app.ElementsApi;
import dev.elements.app.ElementsServer;
import dev.elements.app.TestServers;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.testing.Await;
import dev.elements.testing.TestClock;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server nodes on one real PostgreSQL, sharing a clock that the test moves: what must happen
 * once across the cluster happens once.
 */
class ClusterTest {
    private static final String CALLBACK = "https://app.example/callback";

    @TempDir
    java.nio.file.Path data;

    private final TestClock clock = new TestClock(Instant.now());
    private FakeFacebook facebook;
    private FakeApp app;
    private FakeUser ada;
    private ClusterDatabase database;
    private ElementsServer nodeA;
    private ElementsServer nodeB;
    private TestHttpClient clientA;
    private TestHttpClient clientB;

    @BeforeEach
    void startTwoNodes() {
        database = new ClusterDatabase();
        facebook = FakeFacebook.start();
        app = facebook.registerApp("77001", "cluster-app-secret", CALLBACK);
        ada = facebook.createUser("Ada Lovelace");
        facebook.loginAs(ada);
        nodeA = start();
        nodeB = start();
        clientA = ElementsApi.asUser(nodeA.port(), "cluster-user-secret-5b7d9f1a3c5e7a9b1d", "cluster-organization-secret-2d4f6a8c0e");
        clientB = ElementsApi.asUser(nodeB.port(), "cluster-user-secret-5b7d9f1a3c5e7a9b1d", "cluster-organization-secret-2d4f6a8c0e");
    }

    private ElementsServer start() {
        Map<String, String> settings = TestServers.settings(data, facebook, "cluster-organization-secret-2d4f6a8c0e", "cluster-user-secret-5b7d9f1a3c5e7a9b1d");
        settings.putAll(database.settings());
        settings.put("ELEMENTS_RENEWAL_SWEEP_MS", "50");
        return TestServers.start(settings, clock, new PrintStream(PrintStream.nullOutputStream()));
    }

    @AfterEach
    void stopNodes() {
        nodeA.close();
        nodeB.close();
        facebook.close();
    }

    private String code() {
        return ElementsApi.facebookCode(clientA, app, CALLBACK);
    }

    private String body(String code) {
        return ElementsApi.facebookInstance(app, CALLBACK, code, "clustered");
    }

    /** The provider token as stored, read with the server's own key, as a third node would. */
    private String storedToken(long id) {
        return database.storedTokens(id).accessToken();
    }

    @Test
    void aStormOfRenewalTriggersOnTwoNodesAsksFacebookOnceAndEveryCallerSeesTheNewToken() throws Exception {
        TestResponse created = clientA.postJson("/instances", body(code()));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long id = created.json().path("id").asLong();
        facebook.resetCounters();
        facebook.setLatency(Duration.ofMillis(1500));

        clock.advance(Duration.ofHours(1));
        ExecutorService callers = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<TestResponse>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                TestHttpClient client = i % 2 == 0 ? clientA : clientB;
                answers.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return client.postJson("/instances/" + id + "/refresh", "{}");
                }, callers));
            }
            start.countDown();
            List<String> renewalTimes = new ArrayList<>();
            for (CompletableFuture<TestResponse> answer : answers) {
                TestResponse refreshed = answer.get();
                assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
                renewalTimes.add(refreshed.json().path("configuration").path("oauth.user.refresh_time").asText());
            }
            assertThat(facebook.longLivedExchanges()).isEqualTo(1);
            assertThat(renewalTimes).containsOnly(Long.toString(clock.instant().toEpochMilli()));
        } finally {
            callers.shutdownNow();
        }
        JsonNode fromA = clientA.get("/instances/" + id).json().path("configuration");
        JsonNode fromB = clientB.get("/instances/" + id).json().path("configuration");
        assertThat(fromA).isEqualTo(fromB);
        assertThat(storedToken(id)).isEqualTo(facebook.latestTokenOf(ada).orElseThrow());
        assertThat(facebook.isValidToken(storedToken(id))).isTrue();
    }

    @Test
    void aStormOfHubCallsOnTwoNodesWithADueTokenRenewsOnceAndEveryCallUsesTheNewToken() throws Exception {
        TestResponse created = clientA.postJson("/instances", body(code()));
        String elementToken = created.json().path("token").asText();
        long id = created.json().path("id").asLong();
        String before = storedToken(id);
        TestHttpClient hubA = ElementsApi.at(nodeA.port(), "Element " + elementToken);
        TestHttpClient hubB = ElementsApi.at(nodeB.port(), "Element " + elementToken);
        facebook.resetCounters();
        facebook.setLatency(Duration.ofMillis(800));

        clock.advance(Duration.ofHours(1));
        ExecutorService callers = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<TestResponse>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                TestHttpClient client = i % 2 == 0 ? hubA : hubB;
                calls.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return client.get("/hubs/social/user/me");
                }, callers));
            }
            start.countDown();
            for (CompletableFuture<TestResponse> call : calls) {
                TestResponse answer = call.get();
                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                assertThat(answer.json().path("id").asText()).isEqualTo(ada.id());
            }
        } finally {
            callers.shutdownNow();
        }
        String renewed = storedToken(id);
        assertThat(facebook.longLivedExchanges()).isEqualTo(1);
        assertThat(renewed).isNotEqualTo(before).isEqualTo(facebook.latestTokenOf(ada).orElseThrow());
        List<String> tokensUsed = facebook.requests().stream()
                .filter(request -> request.path().endsWith("/me"))
                .map(request -> request.header("Authorization").orElse(""))
                .toList();
        assertThat(tokensUsed).hasSize(20).containsOnly("Bearer " + renewed);
    }

    @Test
    void theBackgroundRenewalOfTwoNodesRenewsADueInstanceOnce() throws Exception {
        TestResponse created = clientB.postJson("/instances", body(code()));
        long id = created.json().path("id").asLong();
        String before = storedToken(id);
        facebook.resetCounters();

        clock.advance(Duration.ofHours(1));
        // Waiting for the renewal to be stored, not merely asked for: stopping a node interrupts a
        // renewal still waiting for Facebook, which would then be recorded as failed.
        String renewedAt = Long.toString(clock.instant().toEpochMilli());
        Await.until("a node stored the renewal", Duration.ofSeconds(20), () -> renewedAt.equals(clientA
                .get("/instances/" + id).json().path("configuration").path("oauth.user.refresh_time").asText()));
        // Stopping both nodes waits for the sweeps in flight: a second renewal, by a node that read
        // the instance as due before the first was stored, would have asked Facebook by then.
        nodeA.close();
        nodeB.close();

        assertThat(facebook.longLivedExchanges()).isEqualTo(1);
        assertThat(storedToken(id)).isNotEqualTo(before).isEqualTo(facebook.latestTokenOf(ada).orElseThrow());
    }

    @Test
    void oneIdempotencyKeyRacedOnTwoNodesCreatesOneInstance() throws Exception {
        String code = code();
        facebook.resetCounters();
        facebook.setLatency(Duration.ofMillis(500));
        String json = body(code);

        CompletableFuture<TestResponse> onA = CompletableFuture.supplyAsync(
                () -> clientA.withHeader("Idempotency-Key", "raced-key").postJson("/instances", json));
        CompletableFuture<TestResponse> onB = CompletableFuture.supplyAsync(
                () -> clientB.withHeader("Idempotency-Key", "raced-key").postJson("/instances", json));
        TestResponse a = onA.get();
        TestResponse b = onB.get();

        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        assertThat(b.status()).as(b.toString()).isEqualTo(200);
        assertThat(a.json().path("id")).isEqualTo(b.json().path("id"));
        assertThat(a.json().path("token").asText()).isEqualTo(b.json().path("token").asText()).hasSizeGreaterThan(40);
        assertThat(facebook.codeExchanges()).isEqualTo(1);
        assertThat(clientA.get("/instances").json()).hasSize(1);
    }

    @Test
    void theKeysCommandRotatesBesideTwoServingNodesAndLeavesNothingUnderTheOldKey() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestResponse created = (i % 2 == 0 ? clientA : clientB).postJson("/instances", body(code()));
            ids.add(created.json().path("id").asLong());
        }
        Map<String, String> settings = new java.util.HashMap<>(database.settings());
        settings.put("ELEMENTS_DATA_DIR", data.toString());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        java.util.concurrent.atomic.AtomicBoolean rotating = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Integer> statusesDuring = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
            while (rotating.get()) {
                for (long id : ids) {
                    statusesDuring.add(clientA.get("/instances/" + id).status());
                    statusesDuring.add(clientB.postJson("/instances/" + id + "/refresh", "{}").status());
                }
            }
        });
        int exit = dev.elements.app.MainAccess.command(new String[] {"keys", "rotate"}, settings,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        rotating.set(false);
        traffic.get();

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(report).isZero();
        assertThat(report).contains("Rows under older keys: 0");
        assertThat(statusesDuring).isNotEmpty().containsOnly(200);
        for (long id : ids) {
            String token = storedToken(id);
            assertThat(facebook.tokensOf(ada)).as("opens under the new key to a real token").contains(token);
            assertThat(facebook.isValidToken(token)).isTrue();
            assertThat(clientB.postJson("/instances/" + id + "/refresh", "{}").status()).isEqualTo(200);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
