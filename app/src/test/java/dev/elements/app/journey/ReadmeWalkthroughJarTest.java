package dev.elements.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.elements.app.demo.DemoMode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walkthrough works as printed: every {@code sh} block between its
 * {@code walkthrough:begin} and {@code walkthrough:end} markers runs, in order, in one bash, against
 * {@code java -jar elements.jar demo} started in an empty directory. Only the port differs: the
 * demo listens on a free one ({@code ELEMENTS_HTTP_PORT=0}) and {@code localhost:8080} in the
 * commands is replaced by it. Nothing reaches the internet: the sandbox Facebook is on loopback and
 * the callback URL is never opened.
 */
class ReadmeWalkthroughJarTest {
    private static final Pattern SECTION = Pattern.compile("<!-- walkthrough:begin.*?-->(.*?)<!-- walkthrough:end -->",
            Pattern.DOTALL);
    private static final Pattern SH_BLOCK = Pattern.compile("^```sh\\n(.*?)^```$", Pattern.DOTALL | Pattern.MULTILINE);
    private static final String BLOCK_MARK = "@@walkthrough-block ";
    private static final Duration START = Duration.ofMinutes(2);
    /** The banner, from its address line to its last line, which comes after every secret. */
    private static final Pattern BANNER = Pattern.compile("API: +http://127\\.0\\.0\\.1:(\\d+)/.*Try: ",
            Pattern.DOTALL);

    @TempDir
    Path workingDirectory;

    @Test
    void theWalkthroughsCommandsCreateAnInstanceAndPageThroughPostsAgainstTheDemo() throws Exception {
        assumeTrue(onPath("curl"), "curl is not installed: the README walkthrough is made of curl commands");
        assumeTrue(onPath("bash"), "bash is not installed: the README walkthrough is shell commands");
        List<String> blocks = walkthroughBlocks();
        assertThat(blocks).as("the walkthrough's sh blocks").hasSizeGreaterThanOrEqualTo(6);

        try (JarProcess demo = JarProcess.start(workingDirectory, Map.of("ELEMENTS_HTTP_PORT", "0"), "demo")) {
            int port = Integer.parseInt(demo.await(BANNER, START));
            assertThat(demo.stdout()).contains("ELEMENTS DEMO MODE", DemoMode.ORGANIZATION_SECRET,
                    DemoMode.USER_SECRET, DemoMode.OPERATOR_SECRET, DemoMode.MASTER_KEY);

            List<String> outputs = run(blocks, port);

            for (String output : outputs) {
                assertThat(output).as("no command got an error answer").doesNotContain("\"requestId\"");
            }
            assertThat(outputs.get(0)).contains("\"mode\":\"demo\"");
            assertThat(outputs.get(1)).contains("\"oauthUrl\":\"http://127.0.0.1:");
            assertThat(outputs.get(2)).containsIgnoringCase("location: https://app.example/callback?code=");
            assertThat(outputs.get(3)).contains("\"name\":\"My Facebook\"", "\"status\":\"ACTIVE\"");
            assertThat(outputs.get(4)).contains("\"name\":\"My Facebook\"", "\"token\":\"********\"");
            String hub = outputs.get(5);
            assertThat(hub).contains("\"name\":\"Demo User\"", "Elements-Returned-Count: 25",
                    "Elements-Next-Page-Token: ");
            // 65 posts, newest first: the first page ends at #41, the second (by token) runs #40 to #16,
            // the third (by number) holds the last 15.
            assertThat(hub).contains("Demo post #65\"", "Demo post #41\"", "Demo post #40\"", "Demo post #16\"",
                    "Demo post #15\"", "Demo post #1\"");
            assertThat(count(hub, "\"message\":\"Demo post #")).isEqualTo(25 + 25 + 15);
            assertThat(Files.isDirectory(workingDirectory.resolve("demo-data"))).isTrue();

            HttpResponse<String> instances = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/elements/api-v2/instances"))
                    .header("Authorization", "User " + DemoMode.USER_SECRET + ", Organization "
                            + DemoMode.ORGANIZATION_SECRET).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(instances.statusCode()).isEqualTo(200);
            assertThat(instances.body()).contains("\"name\":\"My Facebook\"");
        }
    }

    /** Every block in one bash, so that the variables one sets reach the next; each block's output apart. */
    private List<String> run(List<String> blocks, int port) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder("set -e -o pipefail\n");
        for (int i = 0; i < blocks.size(); i++) {
            script.append("echo '").append(BLOCK_MARK).append(i).append("'\n")
                    .append(blocks.get(i).replace("localhost:8080", "localhost:" + port)).append('\n');
        }
        Path output = workingDirectory.resolve("walkthrough.out");
        Process bash = new ProcessBuilder("bash", "-c", script.toString()).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!bash.waitFor(2, TimeUnit.MINUTES)) {
            bash.destroyForcibly().waitFor();
        }
        String printed = Files.readString(output);
        assertThat(bash.exitValue()).as("the walkthrough's commands ended with an error:\n%s", printed).isZero();
        List<String> outputs = new ArrayList<>(Arrays.asList(printed.split(Pattern.quote(BLOCK_MARK) + "\\d+\\n")));
        outputs.remove(0);
        assertThat(outputs).as("one output per block:\n%s", printed).hasSize(blocks.size());
        return outputs;
    }

    private static List<String> walkthroughBlocks() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md").toAbsolutePath().normalize(),
                StandardCharsets.UTF_8);
        Matcher section = SECTION.matcher(readme);
        assertThat(section.find()).as("README.md marks its walkthrough with walkthrough:begin and :end").isTrue();
        List<String> blocks = new ArrayList<>();
        Matcher block = SH_BLOCK.matcher(section.group(1));
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
