package dev.elements.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.app.ElementsApi;
import dev.elements.app.TestServers;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as an operator runs it: its exit codes, its console, SIGTERM and restarts. */
class ElementsJarTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final String CALLBACK = "https://app.example/callback";

    @TempDir
    Path data;

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Map<String, String> minimal(Map<String, String> extra) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("ELEMENTS_DATA_DIR", data.toString(),
                "ELEMENTS_HTTP_HOST", "127.0.0.1", "ELEMENTS_HTTP_PORT", "0"));
        settings.putAll(extra);
        return settings;
    }

    private static void assertBadSetting(Map<String, String> settings, String message) throws Exception {
        try (JarProcess jar = JarProcess.start(settings)) {
            assertThat(jar.awaitExit(START)).as(jar.stderr()).isEqualTo(2);
            assertThat(jar.stderr()).contains(message);
        }
    }

    @Test
    void aBadSettingStopsTheStartWithExitCodeTwoAndSaysWhich() throws Exception {
        assertBadSetting(minimal(Map.of("ELEMENTS_HTTP_PORT", "eighty")),
                "ELEMENTS_HTTP_PORT must be a port number from 0 to 65535, not 'eighty'");
        assertBadSetting(minimal(Map.of("ELEMENTS_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[16]))),
                "ELEMENTS_MASTER_KEY must be base64 of 32 random bytes");
    }

    @Test
    void anUnreachableDatabaseStopsTheStartWithExitCodeTwoWithoutShowingThePassword() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/elements";
        try (JarProcess jar = JarProcess.start(minimal(Map.of("ELEMENTS_DATABASE_URL", url,
                "ELEMENTS_DATABASE_USER", "elements", "ELEMENTS_DATABASE_PASSWORD", "canary-db-password")))) {
            assertThat(jar.awaitExit(START)).as(jar.stderr()).isEqualTo(2);
            assertThat(jar.stderr()).contains(url);
            assertThat(jar.stdout() + jar.stderr()).doesNotContain("canary-db-password");
        }
    }

    @Test
    void keysRotateOnTheEmbeddedDatabaseOfARunningServerPointsAtTheOperatorRoute() throws Exception {
        try (JarProcess server = JarProcess.start(minimal(Map.of()))) {
            server.awaitPort(START);
            try (JarProcess keys = JarProcess.start(minimal(Map.of()), "keys", "rotate")) {
                assertThat(keys.awaitExit(START)).as(keys.stderr()).isEqualTo(2);
                assertThat(keys.stderr()).contains("POST /elements/api-v2/operator/keys/rotate");
            }
        }
        try (JarProcess keys = JarProcess.start(minimal(Map.of()), "keys", "status")) {
            assertThat(keys.awaitExit(START)).as(keys.stderr()).isZero();
            assertThat(keys.stdout()).contains("Rows under older keys: 0");
        }
    }

    @Test
    void theFirstStartPrintsWorkingSecretsOnceAndNeverLogsThem() throws Exception {
        String organizationSecret;
        String userSecret;
        try (JarProcess first = JarProcess.start(minimal(Map.of()))) {
            int port = first.awaitPort(START);
            Matcher organization = Pattern.compile("Organization secret: (\\S+)").matcher(first.stdout());
            Matcher user = Pattern.compile("User secret: +(\\S+)").matcher(first.stdout());
            assertThat(organization.find()).as(first.stdout()).isTrue();
            assertThat(user.find()).isTrue();
            organizationSecret = organization.group(1);
            userSecret = user.group(1);
            TestResponse elements = ElementsApi.asUser(port, userSecret, organizationSecret).get("/elements/keys");
            assertThat(elements.status()).isEqualTo(200);
            assertThat(first.stdout()).contains("WARN").contains("generated a master key");
            first.terminate();
            first.awaitExit(START);
        }
        try (JarProcess second = JarProcess.start(minimal(Map.of()))) {
            int port = second.awaitPort(START);
            assertThat(ElementsApi.asUser(port, userSecret, organizationSecret).get("/elements/keys").status())
                    .isEqualTo(200);
            assertThat(second.stdout()).doesNotContain(organizationSecret).doesNotContain(userSecret)
                    .doesNotContain("generated a master key");
        }
    }

    @Test
    void servesTheFlowFinishesARequestInFlightOnSigtermAndKeepsTheInstanceAcrossARestart() throws Exception {
        try (FakeFacebook facebook = FakeFacebook.start()) {
            FakeApp app = facebook.registerApp("555000111", "canary-jar-app-secret", CALLBACK);
            FakeUser grace = facebook.createUser("Grace Hopper");
            facebook.loginAs(grace);
            Map<String, String> settings = TestServers.settings(data, facebook, "canary-jar-organization-secret-7f3a91",
                    "canary-jar-user-secret-0b6d28e4c5a17");
            List<String> secrets = new ArrayList<>(List.of("canary-jar-organization-secret-7f3a91", "canary-jar-user-secret-0b6d28e4c5a17",
                    "canary-jar-app-secret"));
            long instanceId;
            String firstOutput;
            try (JarProcess jar = JarProcess.start(settings)) {
                TestHttpClient client = ElementsApi.asUser(jar.awaitPort(START), "canary-jar-user-secret-0b6d28e4c5a17",
                        "canary-jar-organization-secret-7f3a91");
                TestResponse first = provision(client, app, "first");
                assertThat(first.status()).as(first.toString()).isEqualTo(200);
                instanceId = first.json().path("id").asLong();
                secrets.add(first.json().path("token").asText());

                String code = ElementsApi.facebookCode(client, app, CALLBACK);
                facebook.setLatency(Duration.ofSeconds(2));
                CompletableFuture<TestResponse> inFlight = CompletableFuture.supplyAsync(
                        () -> provisionWith(client, app, code, "in flight"));
                // Facebook holds the code exchange back, so the provisioning is in flight when it is recorded.
                assertThat(facebook.awaitRequest(request -> code.equals(request.param("code")), START)).isTrue();
                jar.terminate();
                TestResponse finished = inFlight.get();
                assertThat(finished.status()).as("the request in flight finishes: " + finished).isEqualTo(200);
                secrets.add(finished.json().path("token").asText());
                jar.awaitExit(START);
                firstOutput = jar.stdout() + jar.stderr();
                facebook.setLatency(Duration.ZERO);
            }
            try (JarProcess restarted = JarProcess.start(settings)) {
                TestHttpClient client = ElementsApi.asUser(restarted.awaitPort(START), "canary-jar-user-secret-0b6d28e4c5a17",
                        "canary-jar-organization-secret-7f3a91");
                JsonNode kept = client.get("/instances/" + instanceId).json();
                assertThat(kept.path("name").asText()).isEqualTo("first");
                assertThat(kept.path("token").asText()).isEqualTo("********");
                restarted.terminate();
                restarted.awaitExit(START);
                secrets.addAll(facebook.tokensOf(grace));
                Canaries.assertAbsent(data, firstOutput + restarted.stdout() + restarted.stderr(), "in flight",
                        secrets);
                assertThat(firstOutput).contains("Elements started on port");
            }
        }
    }

    private static TestResponse provision(TestHttpClient client, FakeApp app, String name) {
        return provisionWith(client, app, ElementsApi.facebookCode(client, app, CALLBACK), name);
    }

    private static TestResponse provisionWith(TestHttpClient client, FakeApp app, String code, String name) {
        return client.postJson("/instances", ElementsApi.facebookInstance(app, CALLBACK, code, name));
    }
}
