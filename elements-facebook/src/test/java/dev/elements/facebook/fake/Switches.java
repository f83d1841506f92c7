package dev.elements.facebook.fake;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The misbehaviours a test can switch on: slowness, a dead server, garbage answers and queued errors. Read on every
 * request without the fake's lock, hence volatile fields and concurrent queues.
 */
final class Switches {

    private volatile Duration latency = Duration.ZERO;
    private volatile boolean down;
    private volatile boolean garbage;
    private volatile Duration drip = Duration.ZERO;
    private final Queue<GraphError> graphFailures = new ConcurrentLinkedQueue<>();
    private final Queue<GraphError> tokenFailures = new ConcurrentLinkedQueue<>();

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

    boolean garbage() {
        return garbage;
    }

    void setGarbage(boolean garbage) {
        this.garbage = garbage;
    }

    /** The pause between two bytes of an answer's body; zero sends bodies whole. */
    Duration drip() {
        return drip;
    }

    void setDrip(Duration drip) {
        if (drip.isNegative()) {
            throw new IllegalArgumentException("Drip cannot be negative: " + drip);
        }
        this.drip = drip;
    }

    void failNextGraphCalls(int count, GraphError error) {
        enqueue(graphFailures, count, error);
    }

    void failNextTokenCalls(int count, GraphError error) {
        enqueue(tokenFailures, count, error);
    }

    /** The next queued Graph failure, consumed, or null. */
    GraphError takeGraphFailure() {
        return graphFailures.poll();
    }

    /** The next queued token endpoint failure, consumed, or null. */
    GraphError takeTokenFailure() {
        return tokenFailures.poll();
    }

    void clearFailures() {
        graphFailures.clear();
        tokenFailures.clear();
    }

    private static void enqueue(Queue<GraphError> queue, int count, GraphError error) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        for (int index = 0; index < count; index++) {
            queue.add(error);
        }
    }
}
