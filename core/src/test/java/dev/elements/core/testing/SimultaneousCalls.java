package dev.elements.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs calls on their own threads, all released at once, so that they really race: writers of one
 * version, takers of one lease, nodes sharing one database.
 * The wait for each answer is a guard against a hang, not a timed assertion.
 */
public final class SimultaneousCalls {

    private static final long GUARD_SECONDS = 60;

    private SimultaneousCalls() {
    }

    /** The answers of the calls, in the order of the calls. */
    public static <T> List<T> race(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> attempts = new ArrayList<>();
            for (Callable<T> call : calls) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> result : attempts) {
                results.add(result.get(GUARD_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
