package dev.elements.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.app.TestServers;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.app.ElementsApi;
import dev.elements.testing.Await;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar on storage that fails: a full disk (a small tmpfs, filled) and a read-only data
 * directory (a read-only bind mount). Both need root to mount, as in CI; elsewhere they are skipped.
 */
class StorageFailureJarTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final String ORGANIZATION_SECRET = "disk-organization-secret-4e8a0c2f6b1d";
    private static final String USER_SECRET = "disk-user-secret-7c1e3a5b9d0f2e4a68";
    private static final String AUTHORIZATION = ElementsApi.platformAuthorization(USER_SECRET, ORGANIZATION_SECRET);
    private static final int MAX_WRITES_UNTIL_FULL = 400;

    @TempDir
    Path temporary;

    @Test
    void aFullDiskAnswers503AndDownAcknowledgesOnlyWhatItStoredAndRecoversWithoutARestart() throws Exception {
        Path disk = Files.createDirectories(temporary.resolve("disk"));
        Map<Long, String> acknowledgedInstances = new LinkedHashMap<>();
        List<Long> acknowledgedUsers = new ArrayList<>();
        try (Mounts mounts = new Mounts(); FakeFacebook facebook = FakeFacebook.start()) {
            mounts.tmpfs(disk, 48);
            Provisioning provisioning = new Provisioning(
                    facebook.registerApp("888000111", "disk-app-secret", Provisioning.CALLBACK));
            facebook.loginAs(facebook.createUser("Frances Allen"));
            Map<String, String> settings = TestServers.settings(disk.resolve("data"), facebook, ORGANIZATION_SECRET,
                    USER_SECRET);
            try (JarProcess jar = JarProcess.start(settings)) {
                TestHttpClient client = ElementsApi.at(jar.awaitPort(START), AUTHORIZATION);
                TestResponse before = provisioning.provision(client, provisioning.code(client), "before the disk filled");
                assertThat(before.status()).as(before.toString()).isEqualTo(200);
                acknowledgedInstances.put(before.json().path("id").asLong(), "before the disk filled");
                assertThat(client.get("/health").status()).isEqualTo(200);

                Path filler = fill(disk.resolve("filler"));
                TestResponse refused = null;
                for (int i = 0; i < MAX_WRITES_UNTIL_FULL && refused == null; i++) {
                    TestResponse added = addUser(client, "full" + i);
                    if (added.status() == 200) {
                        acknowledgedUsers.add(added.json().path("id").asLong());
                    } else {
                        refused = added;
                    }
                }
                assertThat(refused).as("a write failed within %d tries on a full disk", MAX_WRITES_UNTIL_FULL)
                        .isNotNull();
                assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
                assertThat(refused.json().path("message").asText()).contains("storage is unavailable");
                TestResponse down = client.get("/health");
                assertThat(down.status()).as(down.toString()).isEqualTo(503);
                assertThat(down.json().path("checks").path("database").asText()).isEqualTo("DOWN");

                int exchanges = facebook.codeExchanges();
                String code = provisioning.code(client);
                TestResponse whileFull = provisioning.provision(client, code, "while the disk is full");
                assertThat(whileFull.status()).as(whileFull.toString()).isEqualTo(503);
                assertThat(facebook.codeExchanges()).as("the code is not spent on a write that cannot be stored")
                        .isEqualTo(exchanges);

                Files.delete(filler);
                Await.until("/health UP once space returned", Duration.ofSeconds(30),
                        () -> client.get("/health").status() == 200);
                TestResponse up = client.get("/health");
                assertThat(up.json().path("checks").path("database").asText()).isEqualTo("UP");
                TestResponse after = provisioning.provision(client, code, "after space returned");
                assertThat(after.status()).as(after.toString()).isEqualTo(200);
                acknowledgedInstances.put(after.json().path("id").asLong(), "after space returned");
                TestResponse userAfter = addUser(client, "after");
                assertThat(userAfter.status()).as(userAfter.toString()).isEqualTo(200);
                acknowledgedUsers.add(userAfter.json().path("id").asLong());
                jar.kill();
            }
            try (JarProcess restarted = JarProcess.start(settings)) {
                TestHttpClient client = ElementsApi.at(restarted.awaitPort(START), AUTHORIZATION);
                acknowledgedInstances.forEach((id, name) -> {
                    TestResponse instance = client.get("/instances/" + id);
                    assertThat(instance.status()).as("instance %d: %s", id, instance).isEqualTo(200);
                    assertThat(instance.json().path("name").asText()).isEqualTo(name);
                });
                List<Long> lostUsers = acknowledgedUsers.stream()
                        .filter(id -> client.get("/users/" + id).status() != 200).toList();
                assertThat(lostUsers).as("acknowledged users missing after the restart").isEmpty();
            }
        }
    }

    @Test
    void aReadOnlyDataDirectoryStopsTheStartWithExitCodeTwoNamingIt() throws Exception {
        Path data = Files.createDirectories(temporary.resolve("data"));
        Path readOnly = Files.createDirectories(temporary.resolve("read-only"));
        try (Mounts mounts = new Mounts(); FakeFacebook facebook = FakeFacebook.start()) {
            Map<String, String> settings = TestServers.settings(data, facebook, ORGANIZATION_SECRET, USER_SECRET);
            try (JarProcess first = JarProcess.start(settings)) {
                first.awaitPort(START);
                first.terminate();
                first.awaitExit(START);
            }
            mounts.readOnlyBind(data, readOnly);

            Map<String, String> onReadOnly = TestServers.settings(readOnly, facebook, ORGANIZATION_SECRET,
                    USER_SECRET);
            try (JarProcess jar = JarProcess.start(onReadOnly)) {
                assertThat(jar.awaitExit(START)).as(jar.stdout() + jar.stderr()).isEqualTo(2);
                assertThat(jar.stderr()).contains(readOnly.toString()).contains("not writable");
            }
        }
    }

    private static TestResponse addUser(TestHttpClient client, String name) {
        return client.postJson("/organizations/users",
                ElementsApi.json(Map.of("emailAddress", name + "@disk.example", "role", "org")));
    }

    /** Writes zeros until the file system is full. */
    private static Path fill(Path filler) throws IOException {
        byte[] mebibyte = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(mebibyte);
            }
        } catch (IOException full) {
            // ENOSPC, as expected: the last partial write leaves the file system full to the byte
            try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
                while (true) {
                    out.write(mebibyte, 0, 512);
                }
            } catch (IOException fuller) {
                return filler;
            }
        }
    }
}
