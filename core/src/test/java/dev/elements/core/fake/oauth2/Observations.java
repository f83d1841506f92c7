package dev.elements.core.fake.oauth2;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** What tests can assert on: every request received, and the token endpoint's counters. Safe for concurrent use. */
final class Observations {

    private final Queue<FakeRequest> requests = new ConcurrentLinkedQueue<>();
    private final AtomicInteger codeExchanges = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();

    void record(FakeRequest request) {
        requests.add(request);
    }

    List<FakeRequest> requests() {
        return List.copyOf(requests);
    }

    void codeExchange() {
        codeExchanges.incrementAndGet();
    }

    void refresh() {
        refreshes.incrementAndGet();
    }

    int codeExchanges() {
        return codeExchanges.get();
    }

    int refreshes() {
        return refreshes.get();
    }

    void reset() {
        requests.clear();
        codeExchanges.set(0);
        refreshes.set(0);
    }
}
