package dev.elements.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.elements.testing.TestHttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar's command line as an operator meets it: its version, its log format, its data directory lock. */
class CommandLineJarTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final String ORGANIZATION_SECRET = "organization-secret-canary-0123456789abcdef";
    private static final String USER_SECRET = "user-secret-canary-0123456789abcdefghijkl";

    @TempDir
    Path data;

    private Map<String, String> settings(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("ELEMENTS_DATA_DIR", data.toString(),
                "ELEMENTS_HTTP_HOST", "127.0.0.1", "ELEMENTS_HTTP_PORT", "0",
                "ELEMENTS_BOOTSTRAP_ORGANIZATION_SECRET", ORGANIZATION_SECRET, "ELEMENTS_BOOTSTRAP_USER_SECRET",
                USER_SECRET));
        settings.putAll(extra);
        return settings;
    }

    @Test
    void theJarKnowsItsVersion() throws Exception {
        try (JarProcess version = JarProcess.start(Map.of(), "--version")) {
            assertThat(version.awaitExit(START)).isZero();
            assertThat(version.stdout()).matches("Elements \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
        }
    }

    @Test
    void withTheJsonFormatEveryLineOnStandardOutputIsAJsonObjectAndNoSecretIsInIt() throws Exception {
        String stdout;
        try (JarProcess server = JarProcess.start(settings(Map.of("ELEMENTS_LOG_FORMAT", "json")))) {
            int port = server.awaitPort(START);
            TestHttpClient.at("http://127.0.0.1:" + port)
                    .withHeader("Authorization", "User " + USER_SECRET + ", Organization " + ORGANIZATION_SECRET)
                    .get("/elements/api-v2/instances");
            server.terminate();
            server.awaitExit(START);
            stdout = server.stdout();
        }

        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.split("\\R")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).allSatisfy(line -> assertThat(line.path("level").asText()).isNotEmpty());
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("message").asText()).startsWith("GET /elements/api-v2/instances 200");
            assertThat(line.path("requestId").asText()).hasSize(24);
            assertThat(line.path("organizationId").asText()).isEqualTo("1");
        });
        assertThat(stdout).doesNotContain(ORGANIZATION_SECRET).doesNotContain(USER_SECRET);
    }

    @Test
    void aDataDirectoryHeldByAnotherRunningServerIsNamedAsSuch() throws Exception {
        try (JarProcess running = JarProcess.start(settings(Map.of()))) {
            running.awaitPort(START);
            try (JarProcess second = JarProcess.start(settings(Map.of()))) {
                assertThat(second.awaitExit(START)).as(second.stderr()).isEqualTo(2);
                assertThat(second.stderr()).contains("The data directory " + data + " is in use by another running"
                        + " Elements server").contains("ELEMENTS_DATA_DIR");
            }
        }
    }
}
