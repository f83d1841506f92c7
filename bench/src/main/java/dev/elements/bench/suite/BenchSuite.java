package dev.elements.bench.suite;

import dev.elements.bench.micro.MicroBenchmarks;
import dev.elements.bench.micro.MicroResult;
import dev.elements.bench.scale.ScaleBenchmark;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The benchmark suite: starts the platform ({@code java -jar app/target/elements.jar}), a fast
 * stand-in for Facebook and a bare Javalin server, each in its own JVM, drives load at them from
 * this process, and writes {@code bench/RESULTS.md}. Every figure is measured beside its baseline
 * in the same run, so the ratios carry over between machines where the absolute times do not.
 *
 * <p>Usage: {@code BenchSuite [--smoke] [--profile] [--java-option <platform JVM option>]...
 * [--only proxy,provisioning,cheap,memory,scale,micro]
 * [--jar app/target/elements.jar] [--out bench/RESULTS.md]}.
 * {@code --smoke} runs each part for a moment, to show that the harness works, and judges nothing.
 */
public final class BenchSuite {
    public static final String APP_SECRET = "bench-app-secret-0c1d2e3f";
    public static final String CALLBACK = "https://bench.example/callback";
    public static final String ORGANIZATION_SECRET = "bench-organization-secret-8e0a2c4e6a8c";
    public static final String USER_SECRET = "bench-user-secret-4c6e8a0c2e4a6c8e0a";
    /** The {@code Authorization} value of the suite's organization administrator. */
    public static final String USER_AND_ORGANIZATION_CREDENTIALS = "User " + USER_SECRET + ", Organization "
            + ORGANIZATION_SECRET;
    public static final String USER_AND_ORGANIZATION = "Authorization: " + USER_AND_ORGANIZATION_CREDENTIALS;
    private static final String API = "/elements/api-v2";
    private static final int CONNECTIONS = 16;
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final Settings settings;
    private final Results results = new Results();

    /** How long each part runs: the full suite, or a smoke run of a few seconds. */
    record Settings(boolean smoke, Path jar, Path out, Path work, List<String> platformJavaOptions, Set<String> parts) {
        /** Whether to run a part ({@code --only proxy,provisioning,cheap,memory,scale,micro}; all when not given). */
        boolean runs(String part) {
            return parts.isEmpty() || parts.contains(part);
        }

        int latencyRounds() {
            return smoke ? 30 : 5_000;
        }

        Duration throughputTime() {
            return smoke ? Duration.ofMillis(300) : Duration.ofSeconds(12);
        }

        /** Load the platform carries before its resident memory is read. */
        Duration memoryLoadTime() {
            return smoke ? Duration.ZERO : Duration.ofSeconds(60);
        }
    }

    BenchSuite(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        Path jar = Path.of(option(args, "--jar", "app/target/elements.jar"));
        Path out = Path.of(option(args, "--out", "bench/RESULTS.md"));
        Path work = Files.createTempDirectory("elements-bench");
        // --profile: a JFR recording of the platform under the whole load, to find where its time goes.
        List<String> javaOptions = new ArrayList<>();
        if (List.of(args).contains("--profile")) {
            javaOptions.add("-XX:StartFlightRecording=filename=" + work.resolve("platform.jfr") + ",settings=profile");
        }
        // --java-option -Xmx160m: how the platform does with a JVM option its operator might set.
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--java-option")) {
                javaOptions.add(args[i + 1]);
            }
        }
        Set<String> parts = Set.of(option(args, "--only", "").split(",")).stream().filter(part -> !part.isBlank())
                .collect(Collectors.toSet());
        new BenchSuite(new Settings(smoke, jar, out, work, javaOptions, parts)).run();
        System.out.println();
        System.out.println("Wrote " + out.toAbsolutePath());
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    void run() throws Exception {
        if (!Files.isRegularFile(settings.jar())) {
            throw new IllegalStateException("No server jar at " + settings.jar() + ": build it first (bench/run does)");
        }
        Path logs = Files.createDirectories(settings.work().resolve("logs"));
        try (ChildProcess standIn = ChildProcess.mainClass("stand-in-facebook", StandInFacebook.class, logs,
                StandIns.APP_ID);
                ChildProcess bare = ChildProcess.mainClass("bare-javalin", BareJavalin.class, logs)) {
            int facebookPort = standIn.announcedPort(Duration.ofSeconds(30));
            int barePort = bare.announcedPort(Duration.ofSeconds(30));
            Path data = settings.work().resolve("data");
            Map<String, String> environment = platformEnvironment(data, facebookPort);

            results.section("Start-up", "From `java -jar app/target/elements.jar` to the first answered"
                    + " `GET /health`: on an empty data directory (database created, master key generated),"
                    + " then again on the data the first start left. Goal: 2 s or less.");
            Duration firstStart;
            try (ChildProcess first = platform(environment, logs, "platform-first-start")) {
                firstStart = first.firstAnswer(port(environment), "/health", Duration.ofSeconds(60));
            }
            results.row("start-up, empty data directory", seconds(firstStart), "", "", "≤ 2 s",
                    firstStart.toMillis() <= 2_000);
            try (ChildProcess platform = platform(environment, logs, "platform")) {
                Duration start = platform.firstAnswer(port(environment), "/health", Duration.ofSeconds(60));
                results.row("start-up, existing data", seconds(start), "", "", "≤ 2 s", start.toMillis() <= 2_000);
                long loadStarted = System.nanoTime();
                int platformPort = port(environment);
                String elementToken = provision(platformPort, "u0");
                if (settings.runs("proxy")) {
                    proxy(platformPort, facebookPort, elementToken);
                }
                if (settings.runs("provisioning")) {
                    provisioning(platformPort, facebookPort);
                }
                if (settings.runs("cheap")) {
                    cheapRoutes(platformPort, barePort);
                }
                if (settings.runs("memory")) {
                    memory(platform, platformPort, elementToken, loadStarted);
                }
            }
        }
        if (settings.runs("scale")) {
            new ScaleBenchmark(settings.jar(), settings.work(), settings.smoke()).run(results);
        }
        if (settings.runs("micro")) {
            microBenchmarks();
        }
        results.write(settings.out(), settings.smoke() ? "smoke run: figures not meaningful" : "full run");
    }

    /** A platform on loopback, a free port and its own data directory, with the stand-in as Facebook. */
    public static Map<String, String> platformEnvironment(Path data, int facebookPort) throws IOException {
        String facebook = "http://127.0.0.1:" + facebookPort;
        return new HashMap<>(Map.of("ELEMENTS_HTTP_HOST", "127.0.0.1",
                "ELEMENTS_HTTP_PORT", Integer.toString(freePort()),
                "ELEMENTS_DATA_DIR", data.toString(),
                "ELEMENTS_BOOTSTRAP_ORGANIZATION_SECRET", ORGANIZATION_SECRET,
                "ELEMENTS_BOOTSTRAP_USER_SECRET", USER_SECRET,
                "ELEMENTS_FACEBOOKSOCIAL_BASE_URL", facebook,
                "ELEMENTS_FACEBOOKSOCIAL_OAUTH_AUTHORIZATION_URL", facebook + "/dialog/oauth",
                "ELEMENTS_FACEBOOKSOCIAL_OAUTH_TOKEN_URL", facebook + "/oauth/access_token"));
    }

    private ChildProcess platform(Map<String, String> environment, Path logs, String name) throws IOException {
        return ChildProcess.platform(settings.jar(), settings.platformJavaOptions(), environment, logs, name);
    }

    private static int port(Map<String, String> environment) {
        return Integer.parseInt(environment.get("ELEMENTS_HTTP_PORT"));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A Facebook instance for the user the code names, as an application creates it; its element token. */
    static String provision(int platformPort, String code) throws IOException {
        try (LoadClient client = new LoadClient(platformPort)) {
            LoadClient.Answer created = client.send(provisionRequest(code));
            if (created.status() != 200) {
                throw new IllegalStateException("Provisioning failed with " + created.status() + ": " + created.text());
            }
            Matcher token = TOKEN.matcher(created.text());
            if (!token.find()) {
                throw new IllegalStateException("No element token in " + created.text());
            }
            return token.group(1);
        }
    }

    private static byte[] provisionRequest(String code) {
        String body = "{\"element\":{\"key\":\"facebooksocial\"},\"providerData\":{\"code\":\"" + code + "\"},"
                + "\"configuration\":{\"oauth.api.key\":\"" + StandIns.APP_ID + "\",\"oauth.api.secret\":\""
                + APP_SECRET + "\",\"oauth.callback.url\":\"" + CALLBACK + "\"},\"name\":\"bench " + code + "\"}";
        return LoadClient.post(API + "/instances", "application/json", body, USER_AND_ORGANIZATION);
    }

    private void proxy(int platformPort, int facebookPort, String elementToken) throws Exception {
        results.section("Proxy overhead", "`GET /hubs/social/user/me` through the platform against `GET /me` sent"
                + " straight to the stand-in (with its `appsecret_proof`, as the platform sends it). One"
                + " connection, one request at a time, alternating: the platform's added latency. Then "
                + CONNECTIONS + " connections each as fast as answers come, alternating halves: throughput.");
        String providerToken = "bench.long.u0.2";
        byte[] direct = LoadClient.get("/me?appsecret_proof=" + proof(providerToken), "Authorization: Bearer "
                + providerToken);
        byte[] proxied = LoadClient.get(API + "/hubs/social/user/me", "Authorization: Element " + elementToken);
        try (LoadClient toFacebook = new LoadClient(facebookPort); LoadClient toPlatform = new LoadClient(platformPort)) {
            Load.alternating(toFacebook, direct, toPlatform, proxied, Math.max(20, settings.latencyRounds() / 2));
            Load.Latencies[] measured = Load.alternating(toFacebook, direct, toPlatform, proxied,
                    settings.latencyRounds());
            for (double percentile : new double[] {50, 99}) {
                double base = measured[0].percentileMicros(percentile);
                double through = measured[1].percentileMicros(percentile);
                double added = through - base;
                double goal = percentile == 50 ? 1_000 : 3_000;
                results.row("hub call p" + (int) percentile + ", 1 connection", Results.micros(through),
                        Results.micros(base), "+" + Results.micros(added), "added ≤ " + Results.micros(goal),
                        added <= goal);
            }
        }
        Load.Throughput[] rates = Load.alternatingThroughput(facebookPort, sequence -> direct, platformPort,
                sequence -> proxied, CONNECTIONS, settings.throughputTime());
        double ratio = rates[1].perSecond() / rates[0].perSecond();
        results.row("hub calls/s, " + CONNECTIONS + " connections", Results.perSecond(rates[1].perSecond()),
                Results.perSecond(rates[0].perSecond()), Results.ratio(ratio), "≥ 0.5× (aim 0.7×)", ratio >= 0.5);
        errorsRow("hub call errors", rates[1]);
    }

    private void provisioning(int platformPort, int facebookPort) throws Exception {
        results.section("Provisioning", "`POST /instances` (a code grant: the platform exchanges the code,"
                + " exchanges the short-lived token for a long-lived one, asks `debug_token`, seals and stores"
                + " the instance) against the stand-in's token endpoint alone, " + CONNECTIONS + " connections"
                + " each, alternating halves. One provisioning is three calls to the stand-in, so 0.33× is the"
                + " ceiling of a platform that cost nothing.");
        String form = "client_id=" + StandIns.APP_ID + "&client_secret=" + APP_SECRET + "&redirect_uri="
                + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8) + "&code=";
        Load.Throughput[] rates = Load.alternatingThroughput(facebookPort,
                sequence -> LoadClient.post("/oauth/access_token", "application/x-www-form-urlencoded",
                        form + "t" + sequence),
                platformPort, sequence -> provisionRequest("p" + sequence), CONNECTIONS, settings.throughputTime());
        double ratio = rates[1].perSecond() / rates[0].perSecond();
        results.row("instances created/s", Results.perSecond(rates[1].perSecond()),
                Results.perSecond(rates[0].perSecond()), Results.ratio(ratio), "≥ 0.3×", ratio >= 0.3);
        errorsRow("provisioning errors", rates[1]);
    }

    private void cheapRoutes(int platformPort, int barePort) throws Exception {
        results.section("OAuth URL and health", "Each against a bare Javalin server answering a constant,"
                + " started the same way, " + CONNECTIONS + " connections, alternating halves.");
        byte[] oauthUrl = LoadClient.get(API + "/elements/facebooksocial/oauth/url?apiKey=" + StandIns.APP_ID
                + "&callbackUrl=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8));
        byte[] health = LoadClient.get("/health");
        for (Map.Entry<String, byte[]> route : List.of(Map.entry("GET /elements/{key}/oauth/url", oauthUrl),
                Map.entry("GET /health", health))) {
            Load.Throughput[] rates = Load.alternatingThroughput(barePort, sequence -> route.getValue(), platformPort,
                    sequence -> route.getValue(), CONNECTIONS, settings.throughputTime());
            double ratio = rates[1].perSecond() / rates[0].perSecond();
            results.row(route.getKey() + " per second", Results.perSecond(rates[1].perSecond()),
                    Results.perSecond(rates[0].perSecond()), Results.ratio(ratio), "≥ 0.8×", ratio >= 0.8);
            errorsRow(route.getKey() + " errors", rates[1]);
        }
    }

    /** Resident memory once the platform has carried load for a minute (hub calls make up the rest). */
    private void memory(ChildProcess platform, int platformPort, String elementToken, long loadStarted)
            throws Exception {
        results.section("Memory", "The platform's resident memory (`VmRSS`, and its peak `VmHWM`) after at least a"
                + " minute of the load above, topped up with hub calls, with the JVM options "
                + (settings.platformJavaOptions().isEmpty() ? "the README's command uses (none: the JVM sizes its"
                        + " heap by the machine's memory)" : "`" + String.join(" ", settings.platformJavaOptions()) + "`")
                + "; and the heap the JVM holds and uses then, from the platform's `/metrics`.");
        Duration left = settings.memoryLoadTime().minusNanos(System.nanoTime() - loadStarted);
        if (!left.isNegative() && !left.isZero()) {
            byte[] proxied = LoadClient.get(API + "/hubs/social/user/me", "Authorization: Element " + elementToken);
            Load.throughput(platformPort, sequence -> proxied, CONNECTIONS, left);
        }
        long[] memory = platform.residentMemoryMib();
        results.row("resident memory after load", memory[0] + " MiB", "", "peak " + memory[1] + " MiB", "≤ 300 MB",
                memory[1] * 1024 * 1024 <= 300_000_000L);
        String metrics;
        try (LoadClient client = new LoadClient(platformPort)) {
            metrics = client.send(LoadClient.get("/metrics")).text();
        }
        results.row("heap held (committed) / used", sumMib(metrics, "jvm_memory_committed_bytes{area=\"heap\"")
                + " / " + sumMib(metrics, "jvm_memory_used_bytes{area=\"heap\"") + " MiB", "", "", "", null);
    }

    /** The per-request costs of a hub call, each alone, by JMH (in forked JVMs; in this one for a smoke run). */
    private void microBenchmarks() {
        results.section("Per-request costs (JMH)", "Each step of a hub call alone, on the real parts (an H2 file"
                + " database of 1,000 instances, the Tink cipher, the Facebook element with a provider answering at"
                + " once), in microseconds per operation with JMH's 99.9% error margin. No baseline: these say where"
                + " a hub call's own time goes.");
        StringBuilder table = new StringBuilder("| Step | µs per operation | ± |\n|---|---:|---:|\n");
        for (MicroResult figure : MicroBenchmarks.run(settings.smoke())) {
            // One measured iteration (a smoke run) has no error margin.
            String error = Double.isNaN(figure.errorMicros()) ? "–"
                    : String.format(Locale.ROOT, "%.1f", figure.errorMicros());
            table.append(String.format(Locale.ROOT, "| %s | %.1f | %s |%n", figure.name(), figure.microsPerOp(),
                    error));
        }
        results.text(table.toString().strip());
    }

    /** The sum of a Prometheus metric's series whose line starts with {@code prefix}, in MiB. */
    private static long sumMib(String prometheusText, String prefix) {
        double bytes = prometheusText.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        return Math.round(bytes / (1024 * 1024));
    }

    private void errorsRow(String measure, Load.Throughput platform) {
        results.row(measure, Long.toString(platform.errors()), "", "of " + platform.answered(), "0",
                platform.errors() == 0);
        if (platform.firstError() != null) {
            results.text("First error: `" + platform.firstError().replace('`', '\'').replace('\n', ' ') + "`");
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }

    private static String proof(String accessToken) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
    }
}
