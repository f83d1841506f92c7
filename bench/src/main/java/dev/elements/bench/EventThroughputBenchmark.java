package dev.elements.bench;

import dev.elements.app.ElementsServer;
import dev.elements.app.config.ServerSettings;
import dev.elements.app.config.SettingsSource;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.facebook.fake.FakeWebhooks;
import dev.elements.testing.CallbackReceiver;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many events per second one node sustains from Facebook's webhook POST to the application's
 * callback: for a fixed time, four senders POST signed single-entry deliveries (each one new post)
 * as fast as the platform answers; the clock stops when the last notification reaches a healthy
 * loopback receiver. The server runs with its default settings on an embedded H2 database, as one
 * node out of the box does. Prints the sustained rate and how long the webhook POSTs took to answer.
 */
public final class EventThroughputBenchmark {
    private static final int SENDERS = 4;

    private final HttpClient http = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Duration duration = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 20);
        new EventThroughputBenchmark().run(duration);
    }

    private void run(Duration duration) throws Exception {
        Path data = Files.createTempDirectory("elements-bench-events");
        try (FakeFacebook facebook = FakeFacebook.start(); CallbackReceiver receiver = CallbackReceiver.start()) {
            FakeApp app = facebook.registerApp("4712", "bench-events-secret", BenchPlatform.CALLBACK);
            FakeUser user = facebook.createUser("Bench Mark");
            facebook.loginAs(user);
            try (ElementsServer server = ElementsServer.start(
                    ServerSettings.from(SettingsSource.of(BenchPlatform.settings(data, facebook))),
                    Clock.systemUTC(), new PrintStream(PrintStream.nullOutputStream()))) {
                String base = "http://127.0.0.1:" + server.port() + "/elements/api-v2";
                BenchPlatform.provision(http, base, app, Map.of("event.notification.enabled", "true",
                        "event.vendor.type", "webhook", "event.notification.callback.url", receiver.url("/bench"),
                        "event.notification.signature.key", "bench-signature-key"));
                URI webhooks = URI.create(base + "/events/facebooksocial");
                Senders senders = new Senders(http, webhooks, app, user.id());

                int warmup = senders.sendFor(Duration.ofSeconds(Math.max(2, duration.toSeconds() / 5)), 0).sent();
                receiver.awaitAccepted(warmup, Duration.ofMinutes(5));

                long start = System.nanoTime();
                Round round = senders.sendFor(duration, warmup);
                long sendingEnded = System.nanoTime();
                receiver.awaitAccepted(warmup + round.sent(), Duration.ofMinutes(10));
                long allDelivered = System.nanoTime();

                double seconds = (allDelivered - start) / 1e9;
                System.out.printf("Events, one node (H2, default settings), %d senders for %ds%n", SENDERS,
                        duration.toSeconds());
                System.out.printf("events sent and delivered      %10d%n", round.sent());
                System.out.printf("webhook POSTs answered / s     %10.0f%n", round.sent() / ((sendingEnded - start) / 1e9));
                System.out.printf("delivered end to end / s       %10.0f   <- sustained events per second%n",
                        round.sent() / seconds);
                System.out.printf("webhook answer p50 / p99 / max %7.1f / %.1f / %.1f ms%n", round.percentile(0.50),
                        round.percentile(0.99), round.percentile(1.0));
                System.out.printf("backlog drained after sending  %10.1f s%n", (allDelivered - sendingEnded) / 1e9);
            }
        }
    }

    /** What one timed round sent, and how long each webhook POST took to be answered. */
    private record Round(int sent, List<Long> answerNanos) {
        double percentile(double fraction) {
            List<Long> sorted = new ArrayList<>(answerNanos);
            Collections.sort(sorted);
            int index = (int) Math.min(sorted.size() - 1, Math.ceil(fraction * sorted.size()) - 1);
            return sorted.get(Math.max(0, index)) / 1e6;
        }
    }

    /** Facebook's side: several threads POSTing signed deliveries, each a new post of the user. */
    private record Senders(HttpClient http, URI webhooks, FakeApp app, String userId) {
        Round sendFor(Duration duration, int firstPost) throws Exception {
            long end = System.nanoTime() + duration.toNanos();
            AtomicInteger next = new AtomicInteger(firstPost);
            List<Long> answerNanos = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < SENDERS; i++) {
                    running.add(pool.submit(() -> {
                        while (System.nanoTime() < end) {
                            answerNanos.add(send(next.getAndIncrement()));
                        }
                        return null;
                    }));
                }
                for (Future<?> sender : running) {
                    sender.get();
                }
            } finally {
                pool.shutdownNow();
            }
            return new Round(next.get() - firstPost, answerNanos);
        }

        private long send(int post) throws Exception {
            byte[] body = ("{\"object\":\"user\",\"entry\":[{\"id\":\"" + userId + "\",\"time\":" + post / 1000
                    + ",\"changes\":[{\"field\":\"feed\",\"value\":{\"item\":\"status\",\"verb\":\"add\",\"post_id\":\""
                    + userId + "_" + post + "\"}}]}]}").getBytes(StandardCharsets.UTF_8);
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(webhooks)
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", FakeWebhooks.signSha256(app.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("The webhook was answered " + answer.statusCode() + ": "
                        + answer.body());
            }
            return took;
        }
    }
}
