package dev.elements.bench.scale;

import static java.util.Objects.requireNonNull;

import dev.elements.bench.suite.BenchSuite;
import dev.elements.bench.suite.ChildProcess;
import dev.elements.bench.suite.Load;
import dev.elements.bench.suite.LoadClient;
import dev.elements.bench.suite.Results;
import dev.elements.bench.suite.StandInFacebook;
import dev.elements.bench.suite.StandIns;
import dev.elements.persistence.PersistenceStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Whether the platform's cost grows with the number of instances: on an embedded PostgreSQL, seeded
 * with {@link InstanceSeeder} to 10, 1,000 and 100,000 instances, the platform ({@code java -jar})
 * answers a hub call, {@code GET /instances/{id}} and a page of {@code GET /instances}, one request
 * at a time on one connection, and its resident memory is read; each figure is compared with the
 * one at 10 instances. Then 10,000 instances fall due for renewal and two nodes on the same
 * database renew them: how long it takes, at what rate, and whether any token was renewed twice.
 *
 * <p>Runs as part of the suite: {@code bench/run --only scale}.
 */
public final class ScaleBenchmark {
    private static final String API = "/elements/api-v2";
    private static final Pattern STAT = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\\d+)");
    private static final String RENEWED_LOG_LINE = "Renewed the credentials of instance";
    private static final double GOAL_RATIO = 1.2;

    private final Path jar;
    private final Path work;
    private final boolean smoke;

    /** One level's figures: latencies of the three requests, and the platform's memory after them. */
    private record Level(int instances, InstanceSeeder.Seeded seeding, Load.Latencies hub, Load.Latencies byId,
            Load.Latencies page, Load.Latencies lastPage, long residentMib) {
    }

    /**
     * @param jar the platform's jar, {@code app/target/elements.jar}
     * @param work a directory for the database, the logs and the platform's data directories
     * @param smoke one small level and a small sweep, to show the harness works
     */
    public ScaleBenchmark(Path jar, Path work, boolean smoke) {
        this.jar = requireNonNull(jar, "jar");
        this.work = requireNonNull(work, "work");
        this.smoke = smoke;
    }

    private int[] levels() {
        return smoke ? new int[] {10} : new int[] {10, 1_000, 100_000};
    }

    private int rounds() {
        return smoke ? 20 : 3_000;
    }

    /** The last page skips every other instance: slow where paging is, so fewer rounds. */
    private int lastPageRounds() {
        return smoke ? 4 : 20;
    }

    private int dueForSweep() {
        return smoke ? 50 : 10_000;
    }

    private Duration sweepTimeout() {
        return smoke ? Duration.ofSeconds(60) : Duration.ofMinutes(10);
    }

    /** The nodes' sweep period: their default in a full run; short in a smoke run, which only shows it works. */
    private Duration sweepPeriod() {
        return smoke ? Duration.ofMillis(100) : Duration.ofSeconds(1);
    }

    public void run(Results results) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No server jar at " + jar + ": build it first (bench/run does)");
        }
        Path logs = Files.createDirectories(work.resolve("logs"));
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(work.resolve("postgres")).setCleanDataDirectory(true).start();
                ChildProcess standIn = ChildProcess.mainClass("scale-stand-in-facebook", StandInFacebook.class, logs,
                        StandIns.APP_ID);
                PersistenceStore store = PersistenceStore.open(postgres.getJdbcUrl("postgres", "postgres"),
                        "postgres", "", masterKey)) {
            int facebookPort = standIn.announcedPort(Duration.ofSeconds(30));
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            String masterKeyText = Base64.getEncoder().encodeToString(masterKey);
            InstanceSeeder seeder = new InstanceSeeder(store, Clock.systemUTC());

            List<Level> levels = new ArrayList<>();
            InstanceSeeder.Sample called = null;
            int seeded = 0;
            for (int level : levels()) {
                InstanceSeeder.Seeded seeding = seeder.seed(level - seeded, InstanceSeeder.Renewal.FAR_AHEAD);
                seeded = level;
                if (called == null) {
                    called = seeding.samples().get(0);
                }
                System.out.printf("Seeded to %,d instances (%,d in %.1f s, %,.0f/s)%n", level, seeding.count(),
                        seeding.took().toMillis() / 1e3, seeding.perSecond());
                levels.add(measure(level, seeding, called,
                        environment(jdbcUrl, masterKeyText, facebookPort, "level-" + level), logs));
            }
            report(levels, results);
            sweep(seeder, postgres.getDatabase("postgres", "postgres"), jdbcUrl, masterKeyText, facebookPort, logs,
                    results);
        }
    }

    private Level measure(int instances, InstanceSeeder.Seeded seeding, InstanceSeeder.Sample called,
            Map<String, String> environment, Path logs) throws Exception {
        int port = Integer.parseInt(environment.get("ELEMENTS_HTTP_PORT"));
        try (ChildProcess platform = platform(environment, logs, "scale-platform-" + instances)) {
            platform.firstAnswer(port, "/health", Duration.ofSeconds(60));
            byte[] hub = LoadClient.get(API + "/hubs/social/user/me", "Authorization: Element "
                    + called.elementToken());
            byte[] byId = LoadClient.get(API + "/instances/" + called.id().value(), BenchSuite.USER_AND_ORGANIZATION);
            byte[] page = LoadClient.get(API + "/instances?pageSize=50", BenchSuite.USER_AND_ORGANIZATION);
            byte[] lastPage = LoadClient.get(API + "/instances?pageSize=50&page=" + ((instances + 49) / 50),
                    BenchSuite.USER_AND_ORGANIZATION);
            try (LoadClient client = new LoadClient(port)) {
                // Warm-up: the JIT, the pools and the database's caches, so the levels differ only in size.
                Load.alternating(client, hub, client, byId, rounds() / 2);
                Load.alternating(client, page, client, page, rounds() / 4);
                Load.Latencies[] single = Load.alternating(client, hub, client, byId, rounds());
                Load.Latencies[] pages = Load.alternating(client, page, client, page, Math.max(1, rounds() / 2));
                Load.alternating(client, lastPage, client, lastPage, 1);
                Load.Latencies[] lastPages = Load.alternating(client, lastPage, client, lastPage,
                        lastPageRounds() / 2);
                return new Level(instances, seeding, single[0], single[1], joined(pages[0], pages[1]),
                        joined(lastPages[0], lastPages[1]), platform.residentMemoryMib()[0]);
            }
        }
    }

    private static Load.Latencies joined(Load.Latencies first, Load.Latencies second) {
        long[] all = new long[first.nanos().length + second.nanos().length];
        System.arraycopy(first.nanos(), 0, all, 0, first.nanos().length);
        System.arraycopy(second.nanos(), 0, all, first.nanos().length, second.nanos().length);
        return new Load.Latencies(all);
    }

    private static void report(List<Level> levels, Results results) {
        Level base = levels.get(0);
        results.section("Scale", "The same requests with " + String.join(", ", levels.stream()
                .map(level -> String.format(Locale.ROOT, "%,d", level.instances())).toList())
                + " instances in PostgreSQL (embedded, on this machine), written by the suite's seeding tool"
                + " (`InstanceSeeder`: the platform's own storage and sealing, not through Facebook), the platform"
                + " started afresh on each. One connection, one request at a time: the hub call"
                + " `GET /hubs/social/user/me`, then `GET /instances/{id}` alternating with it, then the first page of"
                + " `GET /instances?pageSize=50`, then (fewer rounds) its last page."
                + " Each figure is compared with its own at "
                + String.format(Locale.ROOT, "%,d", base.instances()) + " instances. Goal: within 20%.");
        Map<String, ToDoubleFunction<Level>> measures = new java.util.LinkedHashMap<>();
        for (double percentile : new double[] {50, 99}) {
            measures.put("hub call p" + (int) percentile, level -> level.hub().percentileMicros(percentile));
            measures.put("GET /instances/{id} p" + (int) percentile,
                    level -> level.byId().percentileMicros(percentile));
            measures.put("GET /instances first page of 50 p" + (int) percentile,
                    level -> level.page().percentileMicros(percentile));
            measures.put("GET /instances last page of 50 p" + (int) percentile,
                    level -> level.lastPage().percentileMicros(percentile));
        }
        for (Map.Entry<String, ToDoubleFunction<Level>> measure : measures.entrySet()) {
            double baseline = measure.getValue().applyAsDouble(base);
            for (Level level : levels) {
                double figure = measure.getValue().applyAsDouble(level);
                levelRow(results, measure.getKey(), level, Results.micros(figure), Results.micros(baseline),
                        figure / baseline, level == base);
            }
        }
        for (Level level : levels) {
            levelRow(results, "resident memory", level, level.residentMib() + " MiB", base.residentMib() + " MiB",
                    (double) level.residentMib() / base.residentMib(), level == base);
        }
        for (Level level : levels) {
            results.row(String.format(Locale.ROOT, "seeding to %,d instances", level.instances()),
                    Results.perSecond(level.seeding().perSecond()), "",
                    String.format(Locale.ROOT, "%,d in %.1f s", level.seeding().count(),
                            level.seeding().took().toMillis() / 1e3), "", null);
        }
    }

    private static void levelRow(Results results, String measure, Level level, String figure, String baseline,
            double ratio, boolean isBase) {
        results.row(String.format(Locale.ROOT, "%s, %,d instances", measure, level.instances()), figure,
                isBase ? "" : baseline, Results.ratio(ratio), isBase ? "" : "≤ " + GOAL_RATIO + "×",
                isBase ? null : ratio <= GOAL_RATIO);
    }

    /**
     * Instances whose tokens expire within the day (so their renewal is due) on two nodes sharing
     * the database, each sweeping on its default period: every one renewed, none twice.
     */
    private void sweep(InstanceSeeder seeder, DataSource database, String jdbcUrl, String masterKey, int facebookPort,
            Path logs, Results results) throws Exception {
        int due = dueForSweep();
        seeder.seed(due, InstanceSeeder.Renewal.DUE);
        long renewedBefore = stats(facebookPort).get("tokensRenewed");
        long started = System.nanoTime();
        long firstRenewal = 0;
        long lastRenewal = 0;
        long renewed = 0;
        List<Path> nodeLogs = new ArrayList<>();
        try (ChildProcess first = platform(environment(jdbcUrl, masterKey, facebookPort, "node-1"), logs,
                "scale-node-1");
                ChildProcess second = platform(environment(jdbcUrl, masterKey, facebookPort, "node-2"), logs,
                        "scale-node-2")) {
            nodeLogs.add(first.log());
            nodeLogs.add(second.log());
            long deadline = started + sweepTimeout().toNanos();
            while (renewed < due && System.nanoTime() < deadline) {
                Thread.sleep(20);
                long now = stats(facebookPort).get("tokensRenewed") - renewedBefore;
                if (now > renewed) {
                    lastRenewal = System.nanoTime();
                    if (renewed == 0) {
                        firstRenewal = lastRenewal;
                    }
                }
                renewed = now;
            }
            // Two more sweep periods on both nodes, so a second renewal of any instance would show.
            Thread.sleep(sweepPeriod().multipliedBy(2).toMillis());
        }
        Map<String, Long> after = stats(facebookPort);
        long stillDue = count(database, "SELECT COUNT(*) FROM instances WHERE next_renewal_at <= ?",
                System.currentTimeMillis());
        long writtenTwice = count(database, "SELECT COUNT(*) FROM instances WHERE version > ?", 2);
        double seconds = (lastRenewal - started) / 1e9;
        double rate = renewed / Math.max(1e-9, (lastRenewal - firstRenewal) / 1e9);

        results.section("Renewal sweep", String.format(Locale.ROOT, "%,d instances due for renewal (their tokens"
                + " expire within the day) among the others above, two platform nodes started on the same database,"
                + " each sweeping every %d ms: the time from starting both nodes to the last renewal,"
                + " and the rate from the first renewal to the last, counted at the stand-in Facebook.", due, sweepPeriod().toMillis()));
        results.row("instances renewed", String.format(Locale.ROOT, "%,d", renewed), "", String.format(Locale.ROOT, "of %,d", due), "all",
                renewed >= due);
        results.row("time to renew all, from the nodes' start", String.format(Locale.ROOT, "%.1f s", seconds), "",
                "", "", null);
        results.row("renewals per second, first to last", Results.perSecond(rate), "", "", "", null);
        results.row("tokens renewed more than once (stand-in)", Long.toString(after.get("tokensRenewedMoreThanOnce")),
                "", "", "0", after.get("tokensRenewedMoreThanOnce") == 0);
        results.row("instances written more than once (database)", Long.toString(writtenTwice), "", "", "0",
                writtenTwice == 0);
        results.row("instances still due afterwards (database)", Long.toString(stillDue), "", "", "0",
                stillDue == 0);
        results.text("Renewals by node: " + String.join(", ", nodeLogs.stream()
                .map(log -> log.getFileName() + " " + renewalsIn(log)).toList()) + ".");
    }

    private static long renewalsIn(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(RENEWED_LOG_LINE)).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    private static long count(DataSource database, String sql, long parameter) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The stand-in's counters ({@code GET /stats}). */
    private static Map<String, Long> stats(int facebookPort) throws IOException {
        try (LoadClient client = new LoadClient(facebookPort)) {
            Map<String, Long> stats = new HashMap<>();
            Matcher stat = STAT.matcher(client.send(LoadClient.get("/stats")).text());
            while (stat.find()) {
                stats.put(stat.group(1), Long.parseLong(stat.group(2)));
            }
            return stats;
        }
    }

    /** A platform node on the shared PostgreSQL, with the stand-in as Facebook, on a port of its own. */
    private Map<String, String> environment(String jdbcUrl, String masterKey, int facebookPort, String name)
            throws IOException {
        Map<String, String> environment = BenchSuite.platformEnvironment(work.resolve("data-" + name), facebookPort);
        environment.put("ELEMENTS_DATABASE_URL", jdbcUrl);
        environment.put("ELEMENTS_DATABASE_USER", "postgres");
        environment.put("ELEMENTS_MASTER_KEY", masterKey);
        environment.put("ELEMENTS_RENEWAL_SWEEP_MS", Long.toString(sweepPeriod().toMillis()));
        return environment;
    }

    private ChildProcess platform(Map<String, String> environment, Path logs, String name) throws IOException {
        return ChildProcess.platform(jar, List.of(), environment, logs, name);
    }
}
