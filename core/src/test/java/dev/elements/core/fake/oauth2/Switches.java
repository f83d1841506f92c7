package dev.elements.core.fake.oauth2;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The misbehaviours a test can switch on: slowness, a dead server and queued failures per endpoint. Read on every
 * request without the provider's lock, hence volatile fields and concurrent queues.
 */
final class Switches {

    private volatile Duration latency = Duration.ZERO;
    private volatile boolean down;
    private final Map<String, Queue<FakeResponse>> failures = new ConcurrentHashMap<>();

    Duration latency() {
        return latency;
    }

    void setLatency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("Latency cannot be negative: " + latency);
        }
        this.latency = latency;
    }

    boolean down() {
        return down;
    }

    void setDown(boolean down) {
        this.down = down;
    }

    /** @param endpoint {@code "METHOD /path/pattern"}, e.g. {@code "POST /oauth/token"} */
    void failNext(String endpoint, int count, FakeResponse failure) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        Queue<FakeResponse> queue = failures.computeIfAbsent(endpoint, ignored -> new ConcurrentLinkedQueue<>());
        for (int index = 0; index < count; index++) {
            queue.add(failure);
        }
    }

    /** The next queued failure of the endpoint, consumed, or null. */
    FakeResponse takeFailure(String endpoint) {
        Queue<FakeResponse> queue = failures.get(endpoint);
        return queue == null ? null : queue.poll();
    }

    void clearFailures() {
        failures.clear();
    }
}
