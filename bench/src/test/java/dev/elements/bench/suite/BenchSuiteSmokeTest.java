package dev.elements.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness behind {@code bench/run}, run for a moment against the jar this build made, so that
 * it cannot rot between benchmark runs. Nothing here judges a figure: a smoke run is too short.
 */
class BenchSuiteSmokeTest {
    @Test
    void theSuiteRunsEveryPartAndWritesItsResults(@TempDir Path work) throws Exception {
        Path jar = Path.of("..", "app", "target", "elements.jar");
        assertThat(jar).as("the server jar, built by the app module before this one").isRegularFile();
        Path results = work.resolve("RESULTS.md");

        new BenchSuite(new BenchSuite.Settings(true, jar, results, work, List.of(), Set.of())).run();

        String written = Files.readString(results, StandardCharsets.UTF_8);
        assertThat(written).contains("# Benchmark results", "smoke run", "## Start-up", "## Proxy overhead",
                "## Provisioning", "## OAuth URL and health", "## Memory", "## Scale", "## Renewal sweep",
                "## Per-request costs (JMH)");
        assertThat(written).contains("hub calls/s", "instances created/s", "GET /health per second",
                        "ElementTokenAuthentication.authenticate", "CredentialLoading.loadAndDecrypt",
                        "GraphRequestBuilding.buildUserMe")
                .doesNotContain("NaN", "Infinity");
    }
}
