package dev.elements.facebook.fake;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** What tests can assert on: every request received, and per-endpoint counters. Safe for concurrent use. */
final class Observations {

    private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
    private final AtomicInteger codeExchanges = new AtomicInteger();
    private final AtomicInteger longLivedExchanges = new AtomicInteger();
    private final AtomicInteger debugTokenCalls = new AtomicInteger();
    private final AtomicInteger graphCalls = new AtomicInteger();
    /** Notified at each request, so that tests wait for one instead of polling. */
    private final Object received = new Object();

    void record(RecordedRequest request) {
        requests.add(request);
        synchronized (received) {
            received.notifyAll();
        }
    }

    boolean awaitRequest(Predicate<RecordedRequest> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (requests.stream().noneMatch(wanted)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(received, left);
            }
            return true;
        }
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    void codeExchange() {
        codeExchanges.incrementAndGet();
    }

    void longLivedExchange() {
        longLivedExchanges.incrementAndGet();
    }

    void debugTokenCall() {
        debugTokenCalls.incrementAndGet();
    }

    void graphCall() {
        graphCalls.incrementAndGet();
    }

    int codeExchanges() {
        return codeExchanges.get();
    }

    int longLivedExchanges() {
        return longLivedExchanges.get();
    }

    int debugTokenCalls() {
        return debugTokenCalls.get();
    }

    int graphCalls() {
        return graphCalls.get();
    }

    void reset() {
        requests.clear();
        codeExchanges.set(0);
        longLivedExchanges.set(0);
        debugTokenCalls.set(0);
        graphCalls.set(0);
    }
}
