package dev.elements.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.instance.InstanceStatus;
import dev.elements.core.port.out.InstanceRepository;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InstanceCountsTest {
    private final AtomicLong nanoTime = new AtomicLong();
    private final AtomicInteger queries = new AtomicInteger();
    private Map<InstanceStatus, Long> stored = Map.of(InstanceStatus.ACTIVE, 3L);
    private boolean storageDown;

    /** Storage that answers the count with {@link #stored} and counts how often it is asked; nothing else. */
    private final InstanceRepository instances = (InstanceRepository) Proxy.newProxyInstance(
            InstanceRepository.class.getClassLoader(), new Class<?>[] {InstanceRepository.class},
            (proxy, method, arguments) -> {
                if (!method.getName().equals("countByStatus")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                queries.incrementAndGet();
                if (storageDown) {
                    throw new IllegalStateException("database down");
                }
                return stored;
            });

    @Test
    void aScrapeOfEveryStatusAsksStorageOnceAndRepeatScrapesWithinTheFreshnessAskNoMore() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new InstanceCounts(instances, nanoTime::get).registerIn(registry);

        assertThat(gauge(registry, "active")).isEqualTo(3);
        assertThat(gauge(registry, "needs_reauth")).as("a status without instances is 0").isZero();
        assertThat(gauge(registry, "disabled")).isZero();
        stored = Map.of(InstanceStatus.ACTIVE, 5L);
        nanoTime.addAndGet(InstanceCounts.FRESH_FOR.toNanos() - 1);
        assertThat(gauge(registry, "active")).isEqualTo(3);
        assertThat(queries).hasValue(1);

        nanoTime.addAndGet(1);
        assertThat(gauge(registry, "active")).isEqualTo(5);
        assertThat(queries).hasValue(2);
    }

    @Test
    void whileStorageCannotAnswerTheCountsAreNaNAndTheNextScrapeAsksAgain() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new InstanceCounts(instances, nanoTime::get).registerIn(registry);
        storageDown = true;

        assertThat(gauge(registry, "active")).isNaN();
        storageDown = false;
        assertThat(gauge(registry, "active")).isEqualTo(3);
    }

    private static double gauge(SimpleMeterRegistry registry, String status) {
        return registry.get("elements.instances").tag("status", status).gauge().value();
    }
}
