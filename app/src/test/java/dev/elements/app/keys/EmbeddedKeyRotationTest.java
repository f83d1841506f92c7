package dev.elements.app.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.app.ElementsServer;
import dev.elements.app.TestServers;
import dev.elements.app.journey.ApiClient;
import dev.elements.app.journey.ApiClient.Answer;
import dev.elements.facebook.fake.BrowserLogin;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeFacebook;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One node on the embedded database: the operator rotates the credential key through it while it serves. */
class EmbeddedKeyRotationTest {
    private static final String ORGANIZATION_SECRET = "rotation-organization-secret-6e2b8d4f0a";
    private static final String USER_SECRET = "rotation-user-secret-1f3b5d7e9a0c2e4a6";
    private static final String CALLBACK = "https://app.example/callback";
    private static final String OPERATOR = "canary-operator-secret-4a8e2c6f0b3d7";

    @TempDir
    Path data;

    @Test
    void theRunningServerRotatesItsKeyWhileAnsweringAndEverySecretMoves() throws Exception {
        try (FakeFacebook facebook = FakeFacebook.start()) {
            FakeApp app = facebook.registerApp("88001", "rotation-app-secret", CALLBACK);
            facebook.loginAs(facebook.createUser("Rosalind Franklin"));
            Map<String, String> settings = TestServers.settings(data, facebook, ORGANIZATION_SECRET, USER_SECRET);
            settings.put("ELEMENTS_OPERATOR_SECRET", OPERATOR);
            ApiClient client;
            List<Long> ids = new ArrayList<>();
            ElementsServer server = TestServers.start(settings, new PrintStream(PrintStream.nullOutputStream()));
            try {
                client = new ApiClient(server.port(), ApiClient.platformAuthorization(USER_SECRET, ORGANIZATION_SECRET));
                for (int i = 0; i < 3; i++) {
                    ids.add(provision(client, app, "instance " + i));
                }
                ApiClient operator = client.as("Operator " + OPERATOR);
                String before = operator.get("/operator/keys").json().path("primaryKeyId").asText();

                AtomicBoolean rotating = new AtomicBoolean(true);
                List<Integer> statusesDuring = new java.util.concurrent.CopyOnWriteArrayList<>();
                CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
                    while (rotating.get()) {
                        for (long id : ids) {
                            statusesDuring.add(client.get("/instances/" + id).status());
                        }
                        statusesDuring.add(client.post("/instances/" + ids.get(0) + "/refresh", "{}").status());
                    }
                });
                Answer rotated = operator.post("/operator/keys/rotate", "{}");
                rotating.set(false);
                traffic.get();
                ids.add(provision(client, app, "after the rotation"));

                assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
                assertThat(rotated.json().path("previousPrimaryKeyId").asText()).isEqualTo(before);
                assertThat(rotated.json().path("primaryKeyId").asText()).isNotEqualTo(before);
                assertThat(rotated.json().path("keys").path("secretsUnderOlderKeys").asLong()).isZero();
                assertThat(statusesDuring).isNotEmpty().containsOnly(200);
                Answer inventory = operator.get("/operator/keys");
                assertThat(inventory.json().path("secretsUnderOlderKeys").asLong()).isZero();
                assertThat(inventory.json().path("secretsByKeyId").path(rotated.json().path("primaryKeyId").asText())
                        .asLong()).isGreaterThanOrEqualTo(ids.size());
            } finally {
                server.close();
            }
            ElementsServer restarted = TestServers.start(settings, new PrintStream(PrintStream.nullOutputStream()));
            try {
                ApiClient again = new ApiClient(restarted.port(),
                        ApiClient.platformAuthorization(USER_SECRET, ORGANIZATION_SECRET));
                for (long id : ids) {
                    assertThat(again.post("/instances/" + id + "/refresh", "{}").status())
                            .as("instance %s opens and renews after the rotation", id).isEqualTo(200);
                }
            } finally {
                restarted.close();
            }
        }
    }

    private static long provision(ApiClient client, FakeApp app, String name) {
        Answer url = client.get("/elements/facebooksocial/oauth/url?apiKey=" + app.id() + "&callbackUrl="
                + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8));
        String code = new BrowserLogin().open(URI.create(url.json().path("oauthUrl").asText())).requireCode();
        Answer created = client.post("/instances", Map.of(
                "element", Map.of("key", "facebooksocial"),
                "providerData", Map.of("code", code),
                "configuration", Map.of("oauth.api.key", app.id(), "oauth.api.secret", app.secret(),
                        "oauth.callback.url", CALLBACK),
                "name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }
}
