package dev.elements.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.app.TestServers;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.app.ElementsApi;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 means the write is stored: the jar is killed with SIGKILL the moment its last answers
 * arrive, and after a restart on the same data directory every acknowledged write is there. On the
 * embedded database this needs commits written through to the file before they are acknowledged
 * (H2 otherwise writes them up to half a second later), and never into space older versions freed
 * (H2's recovery can lose those: it did here under load, once a round outlived H2's retention time).
 */
class CrashDurabilityJarTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final String ORGANIZATION_SECRET = "crash-organization-secret-5d0c2f7a9b1e";
    private static final String USER_SECRET = "crash-user-secret-83e6a1c4d9f2b7a05e";
    private static final int ROUNDS = 3;
    private static final int BURST = 12;

    @TempDir
    Path data;

    private record TokenChange(long instanceId, String oldToken, String newToken) {
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkillTheMomentAfter() throws Exception {
        String authorization = ElementsApi.platformAuthorization(USER_SECRET, ORGANIZATION_SECRET);
        Map<Long, String> acknowledgedInstances = new LinkedHashMap<>();
        List<TokenChange> tokenChanges = new ArrayList<>();
        Map<Long, String> deactivatedUsers = new LinkedHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try (FakeFacebook facebook = FakeFacebook.start()) {
            Provisioning provisioning = new Provisioning(
                    facebook.registerApp("777000111", "crash-app-secret", Provisioning.CALLBACK));
            facebook.loginAs(facebook.createUser("Barbara Liskov"));
            Map<String, String> settings = TestServers.settings(data, facebook, ORGANIZATION_SECRET, USER_SECRET);
            for (int round = 0; round < ROUNDS; round++) {
                try (JarProcess jar = JarProcess.start(settings)) {
                    TestHttpClient client = ElementsApi.at(jar.awaitPort(START), authorization);
                    List<String> codes = new ArrayList<>();
                    for (int i = 0; i < BURST; i++) {
                        codes.add(provisioning.code(client));
                    }
                    List<CompletableFuture<TestResponse>> burst = new ArrayList<>();
                    for (int i = 0; i < BURST; i++) {
                        String code = codes.get(i);
                        String name = "round " + round + " instance " + i;
                        burst.add(CompletableFuture.supplyAsync(() -> provisioning.provision(client, code, name),
                                clients));
                    }
                    TestResponse added = client.postJson("/organizations/users",
                            ElementsApi.json(Map.of("emailAddress", "dev" + round + "@crash.example", "role", "org")));
                    assertThat(added.status()).as(added.toString()).isEqualTo(200);
                    long firstOfRound = -1;
                    String firstToken = null;
                    for (CompletableFuture<TestResponse> each : burst) {
                        TestResponse answer = each.get();
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                        long id = answer.json().path("id").asLong();
                        // An id handed out again means the database forgot the instance that had it.
                        assertThat(acknowledgedInstances.put(id, answer.json().path("name").asText()))
                                .as("instance id %d handed out twice: an acknowledged instance was lost", id).isNull();
                        if (firstToken == null) {
                            firstOfRound = answer.json().path("id").asLong();
                            firstToken = answer.json().path("token").asText();
                        }
                    }
                    TestResponse newToken = client.postJson("/instances/" + firstOfRound + "/token", "");
                    TestResponse deactivated = client.patchJson("/users/" + added.json().path("id").asLong(),
                            "{\"active\": false}");
                    jar.kill();

                    assertThat(newToken.status()).as(newToken.toString()).isEqualTo(200);
                    tokenChanges.add(new TokenChange(firstOfRound, firstToken, newToken.json().path("token").asText()));
                    assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
                    deactivatedUsers.put(added.json().path("id").asLong(), added.json().path("secret").asText());
                }
            }
            try (JarProcess restarted = JarProcess.start(settings)) {
                TestHttpClient client = ElementsApi.at(restarted.awaitPort(START), authorization);
                List<Long> lost = acknowledgedInstances.keySet().stream()
                        .filter(id -> client.get("/instances/" + id).status() != 200).toList();
                assertThat(lost).as("acknowledged instances missing after SIGKILL").isEmpty();
                acknowledgedInstances.forEach((id, name) ->
                        assertThat(client.get("/instances/" + id).json().path("name").asText()).isEqualTo(name));
                for (TokenChange change : tokenChanges) {
                    assertThat(client.withHeader("Authorization", authorization + ", Element " + change.newToken()).get("/instances").status())
                            .as("the new token of instance %d works", change.instanceId()).isEqualTo(200);
                    assertThat(client.withHeader("Authorization", authorization + ", Element " + change.oldToken()).get("/instances").status())
                            .as("the replaced token of instance %d is refused", change.instanceId()).isEqualTo(401);
                }
                deactivatedUsers.forEach((id, secret) -> {
                    TestResponse user = client.get("/users/" + id);
                    assertThat(user.status()).as(user.toString()).isEqualTo(200);
                    assertThat(user.json().path("active").asBoolean(true)).as("user %d stays inactive", id).isFalse();
                    assertThat(client.withHeader("Authorization", ElementsApi.platformAuthorization(secret, ORGANIZATION_SECRET)).get("/users")
                            .status()).isEqualTo(401);
                });
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
