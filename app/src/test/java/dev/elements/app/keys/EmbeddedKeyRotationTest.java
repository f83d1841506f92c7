package dev.elements.app.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.app.ElementsApi;
import dev.elements.app.ElementsServer;
import dev.elements.app.TestServers;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.io.PrintStream;
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
    private static final String CALLBACK = "https://app.example/callback";
    private static final String OPERATOR = "canary-operator-secret-4d6f8a0c2e4b6d8f";

    @TempDir
    Path data;

    @Test
    void theRunningServerRotatesItsKeyWhileAnsweringAndEverySecretMoves() throws Exception {
        try (FakeFacebook facebook = FakeFacebook.start()) {
            FakeApp app = facebook.registerApp("88001", "rotation-app-secret", CALLBACK);
            facebook.loginAs(facebook.createUser("Rosalind Franklin"));
            Map<String, String> settings = TestServers.settings(data, facebook, "rotation-organization-secret-6e2b8d4f0a", "rotation-user-secret-1f3b5d7e9a0c2e4a6");
            settings.put("ELEMENTS_OPERATOR_SECRET", OPERATOR);
            TestHttpClient client;
            List<Long> ids = new ArrayList<>();
            ElementsServer server = TestServers.start(settings, new PrintStream(PrintStream.nullOutputStream()));
            try {
                client = ElementsApi.asUser(server.port(), "rotation-user-secret-1f3b5d7e9a0c2e4a6", "rotation-organization-secret-6e2b8d4f0a");
                for (int i = 0; i < 3; i++) {
                    ids.add(provision(client, app, "instance " + i));
                }
                TestHttpClient operator = client.withHeader("Authorization", "Operator " + OPERATOR);
                String before = operator.get("/operator/keys").json().path("primaryKeyId").asText();

                AtomicBoolean rotating = new AtomicBoolean(true);
                List<Integer> statusesDuring = new java.util.concurrent.CopyOnWriteArrayList<>();
                CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
                    while (rotating.get()) {
                        for (long id : ids) {
                            statusesDuring.add(client.get("/instances/" + id).status());
                        }
                        statusesDuring.add(client.postJson("/instances/" + ids.get(0) + "/refresh", "{}").status());
                    }
                });
                TestResponse rotated = operator.postJson("/operator/keys/rotate", "{}");
                rotating.set(false);
                traffic.get();
                ids.add(provision(client, app, "after the rotation"));

                assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
                assertThat(rotated.json().path("previousPrimaryKeyId").asText()).isEqualTo(before);
                assertThat(rotated.json().path("primaryKeyId").asText()).isNotEqualTo(before);
                assertThat(rotated.json().path("keys").path("secretsUnderOlderKeys").asLong()).isZero();
                assertThat(statusesDuring).isNotEmpty().containsOnly(200);
                TestResponse inventory = operator.get("/operator/keys");
                assertThat(inventory.json().path("secretsUnderOlderKeys").asLong()).isZero();
                assertThat(inventory.json().path("secretsByKeyId").path(rotated.json().path("primaryKeyId").asText())
                        .asLong()).isGreaterThanOrEqualTo(ids.size());
            } finally {
                server.close();
            }
            ElementsServer restarted = TestServers.start(settings, new PrintStream(PrintStream.nullOutputStream()));
            try {
                TestHttpClient again = ElementsApi.asUser(restarted.port(), "rotation-user-secret-1f3b5d7e9a0c2e4a6", "rotation-organization-secret-6e2b8d4f0a");
                for (long id : ids) {
                    assertThat(again.postJson("/instances/" + id + "/refresh", "{}").status())
                            .as("instance %s opens and renews after the rotation", id).isEqualTo(200);
                }
            } finally {
                restarted.close();
            }
        }
    }

    private static long provision(TestHttpClient client, FakeApp app, String name) {
        String code = ElementsApi.facebookCode(client, app, CALLBACK);
        TestResponse created = client.postJson("/instances", ElementsApi.facebookInstance(app, CALLBACK, code, name));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }
}
