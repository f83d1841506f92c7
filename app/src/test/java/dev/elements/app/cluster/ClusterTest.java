package dev.elements.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.app.ElementsServer;
import dev.elements.app.TestServers;
import dev.elements.app.journey.ApiClient;
import dev.elements.app.journey.ApiClient.Answer;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.service.CredentialVault;
import dev.elements.core.testing.MutableClock;
import dev.elements.facebook.fake.BrowserLogin;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.persistence.PersistenceStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server nodes on one real PostgreSQL, sharing a clock that the test moves: what must happen
 * once across the cluster happens once.
 */
class ClusterTest {
    private static final String ORGANIZATION_SECRET = "cluster-organization-secret-2d4f6a8c0e";
    private static final String USER_SECRET = "cluster-user-secret-5b7d9f1a3c5e7a9b1d";
    private static final String CALLBACK = "https://app.example/callback";
    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32});
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @TempDir
    java.nio.file.Path data;

    private final MutableClock clock = new MutableClock(Instant.now());
    private FakeFacebook facebook;
    private FakeApp app;
    private FakeUser ada;
    private String databaseUrl;
    private ElementsServer nodeA;
    private ElementsServer nodeB;
    private ApiClient clientA;
    private ApiClient clientB;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void startTwoNodes() throws Exception {
        String database = "cluster_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        databaseUrl = postgres.getJdbcUrl("postgres", database);
        facebook = FakeFacebook.start();
        app = facebook.registerApp("77001", "cluster-app-secret", CALLBACK);
        ada = facebook.createUser("Ada Lovelace");
        facebook.loginAs(ada);
        nodeA = start();
        nodeB = start();
        String authorization = ApiClient.platformAuthorization(USER_SECRET, ORGANIZATION_SECRET);
        clientA = new ApiClient(nodeA.port(), authorization);
        clientB = new ApiClient(nodeB.port(), authorization);
    }

    private ElementsServer start() {
        Map<String, String> settings = TestServers.settings(data, facebook, ORGANIZATION_SECRET, USER_SECRET);
        settings.put("ELEMENTS_DATABASE_URL", databaseUrl);
        settings.put("ELEMENTS_DATABASE_USER", "postgres");
        settings.put("ELEMENTS_DATABASE_PASSWORD", "postgres");
        settings.put("ELEMENTS_MASTER_KEY", MASTER_KEY);
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
        Answer url = clientA.get("/elements/facebooksocial/oauth/url?apiKey=" + app.id() + "&callbackUrl="
                + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8));
        return new BrowserLogin().open(URI.create(url.json().path("oauthUrl").asText())).requireCode();
    }

    private static Map<String, Object> body(String code) {
        return Map.of("element", Map.of("key", "facebooksocial"), "providerData", Map.of("code", code),
                "configuration", Map.of("oauth.api.key", "77001", "oauth.api.secret", "cluster-app-secret",
                        "oauth.callback.url", CALLBACK),
                "name", "clustered");
    }

    /** The provider token as stored, read with the server's own key, as a third node would. */
    private String storedToken(long id) {
        try (PersistenceStore store = PersistenceStore.open(databaseUrl, "postgres", "postgres",
                Base64.getDecoder().decode(MASTER_KEY))) {
            Instance instance = store.instances().findById(new InstanceId(id)).orElseThrow();
            return new CredentialVault(store.credentialCipher()).open(instance).tokens().accessToken();
        }
    }

    @Test
    void aStormOfRenewalTriggersOnTwoNodesAsksFacebookOnceAndEveryCallerSeesTheNewToken() throws Exception {
        Answer created = clientA.post("/instances", body(code()));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long id = created.json().path("id").asLong();
        facebook.resetCounters();
        facebook.setLatency(Duration.ofMillis(1500));

        clock.advance(Duration.ofHours(1));
        ExecutorService callers = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                ApiClient client = i % 2 == 0 ? clientA : clientB;
                answers.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return client.post("/instances/" + id + "/refresh", "{}");
                }, callers));
            }
            start.countDown();
            List<String> renewalTimes = new ArrayList<>();
            for (CompletableFuture<Answer> answer : answers) {
                Answer refreshed = answer.get();
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
        Answer created = clientA.post("/instances", body(code()));
        String elementToken = created.json().path("token").asText();
        long id = created.json().path("id").asLong();
        String before = storedToken(id);
        ApiClient hubA = new ApiClient(nodeA.port(), "Element " + elementToken);
        ApiClient hubB = new ApiClient(nodeB.port(), "Element " + elementToken);
        facebook.resetCounters();
        facebook.setLatency(Duration.ofMillis(800));

        clock.advance(Duration.ofHours(1));
        ExecutorService callers = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Answer>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                ApiClient client = i % 2 == 0 ? hubA : hubB;
                calls.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return client.get("/hubs/social/user/me");
                }, callers));
            }
            start.countDown();
            for (CompletableFuture<Answer> call : calls) {
                Answer answer = call.get();
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
        Answer created = clientB.post("/instances", body(code()));
        long id = created.json().path("id").asLong();
        String before = storedToken(id);
        facebook.resetCounters();

        clock.advance(Duration.ofHours(1));
        assertThat(facebook.awaitRequest(request -> "fb_exchange_token".equals(request.param("grant_type")),
                Duration.ofSeconds(20))).as("a node asked for the renewal").isTrue();
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
        String json = ApiClient.JSON_MAPPER.writeValueAsString(body(code));

        CompletableFuture<Answer> onA = CompletableFuture.supplyAsync(
                () -> clientA.post("/instances", json, Map.of("Idempotency-Key", "raced-key")));
        CompletableFuture<Answer> onB = CompletableFuture.supplyAsync(
                () -> clientB.post("/instances", json, Map.of("Idempotency-Key", "raced-key")));
        Answer a = onA.get();
        Answer b = onB.get();

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
            Answer created = (i % 2 == 0 ? clientA : clientB).post("/instances", body(code()));
            ids.add(created.json().path("id").asLong());
        }
        Map<String, String> settings = new java.util.HashMap<>(Map.of("ELEMENTS_DATABASE_URL", databaseUrl,
                "ELEMENTS_DATABASE_USER", "postgres", "ELEMENTS_DATABASE_PASSWORD", "postgres",
                "ELEMENTS_MASTER_KEY", MASTER_KEY, "ELEMENTS_DATA_DIR", data.toString()));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        java.util.concurrent.atomic.AtomicBoolean rotating = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Integer> statusesDuring = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
            while (rotating.get()) {
                for (long id : ids) {
                    statusesDuring.add(clientA.get("/instances/" + id).status());
                    statusesDuring.add(clientB.post("/instances/" + id + "/refresh", "{}").status());
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
            assertThat(clientB.post("/instances/" + id + "/refresh", "{}").status()).isEqualTo(200);
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
