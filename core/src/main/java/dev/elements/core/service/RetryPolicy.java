package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.port.out.Sleeper;
import java.time.Duration;
import java.util.List;

/**
 * How often a call that failed for a passing reason is tried again, and how long to wait before
 * each new attempt. The pauses go through the {@link Sleeper} port, so tests observe them instead
 * of waiting through them.
 */
final class RetryPolicy {
    private final List<Duration> pauses;
    private final Sleeper sleeper;

    /** @param pauses one per retry, in order: their number is the number of retries */
    RetryPolicy(List<Duration> pauses, Sleeper sleeper) {
        this.pauses = List.copyOf(pauses);
        this.sleeper = requireNonNull(sleeper, "sleeper");
    }

    /**
     * Waits before the next attempt, if there is one after {@code failedAttempts} failures, and
     * never starts a pause that would outlast {@code timeLeft}: an attempt after it would have no
     * time to run.
     *
     * @param timeLeft what is left of the caller's deadline
     * @return false when the retries or the time are used up, without waiting
     * @throws InterruptedException when the thread was interrupted while waiting
     */
    boolean pauseBeforeRetry(int failedAttempts, Duration timeLeft) throws InterruptedException {
        if (failedAttempts < 1 || failedAttempts > pauses.size()) {
            return false;
        }
        if (pauses.get(failedAttempts - 1).compareTo(requireNonNull(timeLeft, "timeLeft")) >= 0) {
            return false;
        }
        sleeper.sleep(pauses.get(failedAttempts - 1));
        return true;
    }
}
