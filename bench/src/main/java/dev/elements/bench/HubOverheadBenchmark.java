package dev.elements.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.elements.app.ElementsServer;
import dev.elements.app.config.ServerSettings;
import dev.elements.app.config.SettingsSource;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.facebook.fake.FakeUser;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the platform adds to a provider call. The baseline is the same Graph call sent straight to
 * the same fake Facebook by the same HTTP client, so the ratios hold on any machine:
 * <ul>
 * <li>{@code user/me}: one object through the hub, against {@code GET /me} directly;</li>
 * <li>{@code user/me/status}: a page of 25 posts through the hub, against {@code GET /me/posts?limit=25};</li>
 * <li>{@code page=4}: the fourth page by number (the platform walks the cursors), against following
 *     three {@code next} cursors by hand.</li>
 * </ul>
 * Rounds alternate between baseline and platform so that drift in the machine hits both alike;
 * medians are compared.
 */
public final class HubOverheadBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        new HubOverheadBenchmark().run(rounds);
    }

    private void run(int rounds) throws Exception {
        Path data = Files.createTempDirectory("elements-bench");
        try (FakeFacebook facebook = FakeFacebook.start()) {
            FakeApp app = facebook.registerApp("4711", "bench-secret", BenchPlatform.CALLBACK);
            facebook.setAppCallBudget(app.id(), Integer.MAX_VALUE / 4);
            FakeUser user = facebook.createUser("Bench Mark");
            facebook.loginAs(user);
            for (int i = 0; i < 120; i++) {
                facebook.addPost(user, "post " + i);
            }
            try (ElementsServer server = ElementsServer.start(
                    ServerSettings.from(SettingsSource.of(BenchPlatform.settings(data, facebook))),
                    Clock.systemUTC(), new PrintStream(PrintStream.nullOutputStream()))) {
                String base = "http://127.0.0.1:" + server.port() + "/elements/api-v2";
                String elementToken = BenchPlatform.provision(http, base, app, Map.of());
                String providerToken = facebook.latestTokenOf(user).orElseThrow();
                String proof = proof(app.secret(), providerToken);
                String hubAuthorization = "Element " + elementToken;
                String graph = facebook.graphUrl();

                List<Case> cases = List.of(
                        new Case("user/me (one object)",
                                () -> get(graph + "/me?appsecret_proof=" + proof, "Bearer " + providerToken),
                                () -> get(base + "/hubs/social/user/me", hubAuthorization)),
                        new Case("user/me/status (a page of 25)",
                                () -> get(graph + "/me/posts?limit=25&appsecret_proof=" + proof,
                                        "Bearer " + providerToken),
                                () -> get(base + "/hubs/social/user/me/status?pageSize=25", hubAuthorization)),
                        new Case("user/me/status page=4 (cursor walk)",
                                () -> walkDirectly(graph + "/me/posts?limit=25&appsecret_proof=" + proof,
                                        providerToken, 4),
                                () -> get(base + "/hubs/social/user/me/status?pageSize=25&page=4",
                                        hubAuthorization)));
                System.out.printf("Hub overhead, %d rounds per case, medians (baseline: the same call straight"
                        + " to the fake Facebook)%n", rounds);
                System.out.printf("%-38s %14s %14s %8s%n", "case", "baseline µs", "platform µs", "ratio");
                for (Case benchmark : cases) {
                    benchmark.measure(Math.max(50, rounds / 10));
                    double[] result = benchmark.measure(rounds);
                    System.out.printf("%-38s %14.0f %14.0f %8.2f%n", benchmark.name(), result[0], result[1],
                            result[1] / result[0]);
                }
            }
        }
    }

    private record Case(String name, Call baseline, Call platform) {
        /** Median microseconds of baseline and platform, measured in alternating rounds. */
        double[] measure(int rounds) throws Exception {
            long[] base = new long[rounds];
            long[] through = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                base[i] = time(baseline);
                through[i] = time(platform);
            }
            return new double[] {median(base), median(through)};
        }

        private static long time(Call call) throws Exception {
            long start = System.nanoTime();
            call.run();
            return System.nanoTime() - start;
        }

        private static double median(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2] / 1000.0;
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private void get(String url, String authorization) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Benchmark call failed with " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    /** What an application without the platform does for page N: follow N-1 {@code next} cursors. */
    private void walkDirectly(String firstPage, String providerToken, int page) throws Exception {
        String url = firstPage;
        for (int i = 1; i <= page; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + providerToken).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode next = JSON.readTree(response.body()).path("paging").path("next");
            if (i < page) {
                url = next.asText();
            }
        }
    }

    private static String proof(String appSecret, String accessToken) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
    }
}
