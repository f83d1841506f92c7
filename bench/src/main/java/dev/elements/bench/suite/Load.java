package dev.elements.bench.suite;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

/** Drives requests at a server and measures them: latencies on one connection, throughput on many. */
public final class Load {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Load() {
    }

    /** Latencies of one request at a time on one connection, each checked for a 200. */
    public record Latencies(long[] nanos) {
        public double percentileMicros(double percentile) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100 * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1000.0;
        }
    }

    /**
     * Two requests measured in alternating rounds, so that whatever else the machine does meanwhile
     * falls on both alike.
     */
    public static Latencies[] alternating(LoadClient first, byte[] firstRequest, LoadClient second, byte[] secondRequest,
            int rounds) throws IOException {
        long[] a = new long[rounds];
        long[] b = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            a[i] = timed(first, firstRequest);
            b[i] = timed(second, secondRequest);
        }
        return new Latencies[] {new Latencies(a), new Latencies(b)};
    }

    private static long timed(LoadClient client, byte[] request) throws IOException {
        long started = System.nanoTime();
        LoadClient.Answer answer = client.send(request);
        long took = System.nanoTime() - started;
        if (answer.status() != 200) {
            throw new IllegalStateException("Expected 200, got " + answer.status() + ": " + answer.text());
        }
        return took;
    }

    /** Requests answered per second, and those that were not a 200. */
    record Throughput(double perSecond, long answered, long errors, String firstError) {
    }

    /**
     * As many requests as {@code connections} connections get answered in {@code duration}, each
     * connection sending its next request when the last is answered.
     *
     * @param requests the request to send, by a sequence number unique across the whole run
     */
    static Throughput throughput(int port, LongFunction<byte[]> requests, int connections, Duration duration)
            throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        AtomicReference<String> firstError = new AtomicReference<>();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        List<Future<long[]>> counts = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            counts.add(threads.submit(() -> {
                long answered = 0;
                long errors = 0;
                try (LoadClient client = new LoadClient(port)) {
                    while (System.nanoTime() < deadline) {
                        try {
                            LoadClient.Answer answer = client.send(requests.apply(SEQUENCE.incrementAndGet()));
                            answered++;
                            if (answer.status() != 200) {
                                errors++;
                                firstError.compareAndSet(null, answer.status() + " " + answer.text());
                            }
                        } catch (IOException e) {
                            errors++;
                            firstError.compareAndSet(null, e.toString());
                            client.close();
                        }
                    }
                }
                return new long[] {answered, errors};
            }));
        }
        long answered = 0;
        long errors = 0;
        for (Future<long[]> count : counts) {
            try {
                long[] result = count.get();
                answered += result[0];
                errors += result[1];
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        threads.shutdown();
        return new Throughput(answered / seconds, answered, errors, firstError.get());
    }

    /**
     * Baseline and platform in alternating halves (baseline, platform, baseline, platform), so that
     * drift in the machine falls on both; the halves are summed.
     */
    static Throughput[] alternatingThroughput(int baselinePort, LongFunction<byte[]> baseline, int platformPort,
            LongFunction<byte[]> platform, int connections, Duration duration) throws InterruptedException {
        Duration half = duration.dividedBy(2);
        Throughput b1 = throughput(baselinePort, baseline, connections, half);
        Throughput p1 = throughput(platformPort, platform, connections, half);
        Throughput b2 = throughput(baselinePort, baseline, connections, half);
        Throughput p2 = throughput(platformPort, platform, connections, half);
        return new Throughput[] {sum(b1, b2), sum(p1, p2)};
    }

    private static Throughput sum(Throughput a, Throughput b) {
        return new Throughput((a.perSecond() + b.perSecond()) / 2, a.answered() + b.answered(),
                a.errors() + b.errors(), a.firstError() != null ? a.firstError() : b.firstError());
    }
}
