package dev.elements.app.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.app.ElementsApi;
import dev.elements.app.ElementsServer;
import dev.elements.app.TestServers;
import dev.elements.app.cluster.ClusterDatabase;
import dev.elements.core.fake.oauth2.FakeOAuth2Client;
import dev.elements.core.oauth.TokenSet;
import dev.elements.testing.TestClock;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import dev.elements.twitter.fake.FakeX;
import dev.elements.twitter.fake.FakeXUser;
import java.io.PrintStream;
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
 * X's refresh tokens are single-use: a second renewal with the same one is refused and the instance
 * is lost. Two nodes on one real PostgreSQL, sharing a clock the test moves, take a storm of hub
 * calls with a due token, and X is asked exactly once per due moment.
 */
class TwitterClusterTest {
    private static final String CALLBACK = "https://app.example/x-callback";
    private static final String ORGANIZATION_SECRET = "x-cluster-organization-secret-4e6a8c";
    private static final String USER_SECRET = "x-cluster-user-secret-1d3f5b7a9c2e4a6c8e";
    private static final int CALLS = 20;

    @TempDir
    java.nio.file.Path data;

    private final TestClock clock = new TestClock(Instant.now());
    private FakeX x;
    private FakeOAuth2Client app;
    private FakeXUser ada;
    private ClusterDatabase database;
    private ElementsServer nodeA;
    private ElementsServer nodeB;
    private TestHttpClient clientA;
    private TestHttpClient clientB;

    @BeforeEach
    void startTwoNodes() {
        database = new ClusterDatabase();
        x = FakeX.start();
        app = x.registerApp("x-cluster-client", "x-cluster-client-secret-0b7e", CALLBACK);
        ada = x.createUser("Ada Lovelace");
        nodeA = start();
        nodeB = start();
        clientA = ElementsApi.asUser(nodeA.port(), USER_SECRET, ORGANIZATION_SECRET);
        clientB = ElementsApi.asUser(nodeB.port(), USER_SECRET, ORGANIZATION_SECRET);
    }

    private ElementsServer start() {
        Map<String, String> settings = TestServers.withX(TestServers.settings(data, ORGANIZATION_SECRET, USER_SECRET),
                x);
        settings.putAll(database.settings());
        settings.put("ELEMENTS_RENEWAL_SWEEP_MS", "50");
        return TestServers.start(settings, clock, new PrintStream(PrintStream.nullOutputStream()));
    }

    @AfterEach
    void stopNodes() {
        nodeA.close();
        nodeB.close();
        x.close();
    }

    /** The credentials as stored, read with the server's own key, as a third node would. */
    private TokenSet stored(long id) {
        return database.storedTokens(id);
    }

    @Test
    void aStormOfHubCallsOnTwoNodesWithADueTokenRefreshesOncePerDueMomentAndKeepsTheInstance() throws Exception {
        String code = ElementsApi.xCode(clientA, app, CALLBACK, "cluster-state");
        TestResponse created = clientA.postJson("/instances",
                ElementsApi.xInstance(app, CALLBACK, code, "cluster-state", "clustered"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long id = created.json().path("id").asLong();
        String elementToken = created.json().path("token").asText();
        TestHttpClient hubA = ElementsApi.at(nodeA.port(), "Element " + elementToken);
        TestHttpClient hubB = ElementsApi.at(nodeB.port(), "Element " + elementToken);
        x.setLatency(Duration.ofMillis(300));

        for (int dueMoment = 1; dueMoment <= 2; dueMoment++) {
            String before = stored(id).refreshToken();
            // Past the two hours an X access token lives, on both sides.
            clock.advance(FakeX.ACCESS_TOKEN_LIFETIME.plusMinutes(1));
            x.advanceClock(FakeX.ACCESS_TOKEN_LIFETIME.plusMinutes(1));
            storm(hubA, hubB);

            assertThat(x.refreshes()).as("refreshes after due moment %d", dueMoment).isEqualTo(dueMoment);
            for (TestHttpClient client : List.of(clientA, clientB)) {
                TestResponse instance = client.get("/instances/" + id);
                assertThat(instance.json().path("status").asText()).as(instance.toString()).isEqualTo("ACTIVE");
            }
            TokenSet renewed = stored(id);
            assertThat(renewed.refreshToken()).isNotEqualTo(before)
                    .isEqualTo(x.latestRefreshTokenOf(ada).orElseThrow());
            assertThat(x.isValidAccessToken(renewed.accessToken())).isTrue();
        }
    }

    private void storm(TestHttpClient hubA, TestHttpClient hubB) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLS);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<TestResponse>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < CALLS; i++) {
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
