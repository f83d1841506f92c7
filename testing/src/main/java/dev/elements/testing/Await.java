package dev.elements.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for something another thread or process does: the condition is polled until it holds,
 * and the test fails with what it waited for when the deadline passes. The deadline is generous,
 * because it only bounds a failing test; a passing one moves on as soon as the condition holds.
 */
public final class Await {
    private static final Duration POLL = Duration.ofMillis(10);

    private Await() {
    }

    public static void until(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Waited " + deadline + " for: " + what);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for: " + what, e);
            }
        }
    }
}
