package dev.elements.app.metrics;

import static java.util.Objects.requireNonNull;

import dev.elements.core.instance.InstanceStatus;
import dev.elements.core.port.out.InstanceRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code elements_instances} by status, over every organization, read from storage with one grouped
 * count when a scrape asks, and kept for {@link #FRESH_FOR}: however often (and on however many
 * nodes) scrapes come, the database answers this at most once per node in that time.
 */
final class InstanceCounts {
    static final Duration FRESH_FOR = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(InstanceCounts.class);

    private final InstanceRepository instances;
    private final LongSupplier nanoTime;
    private volatile Reading last;

    private record Reading(Map<InstanceStatus, Long> counts, long readAtNanos) {
    }

    InstanceCounts(InstanceRepository instances, LongSupplier nanoTime) {
        this.instances = requireNonNull(instances, "instances");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime");
    }

    /** One gauge per status, so that a status without instances shows as 0 rather than missing. */
    void registerIn(MeterRegistry registry) {
        for (InstanceStatus status : InstanceStatus.values()) {
            Gauge.builder("elements.instances", this, counts -> counts.count(status))
                    .description("Instances by status, over every organization (refreshed at most every "
                            + FRESH_FOR.toSeconds() + " s)")
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    // Nothing else holds this object; Micrometer's default weak reference would lose it.
                    .strongReference(true)
                    .register(registry);
        }
    }

    /** The count, or NaN (shown as such) while storage cannot answer. */
    double count(InstanceStatus status) {
        Map<InstanceStatus, Long> counts = current();
        return counts == null ? Double.NaN : counts.getOrDefault(status, 0L);
    }

    private Map<InstanceStatus, Long> current() {
        Reading reading = last;
        if (reading != null && nanoTime.getAsLong() - reading.readAtNanos() < FRESH_FOR.toNanos()) {
            return reading.counts();
        }
        // Only a scrape gets here, and a scrape reads every status: one of them refreshes.
        synchronized (this) {
            reading = last;
            long now = nanoTime.getAsLong();
            if (reading != null && now - reading.readAtNanos() < FRESH_FOR.toNanos()) {
                return reading.counts();
            }
            try {
                last = new Reading(Map.copyOf(instances.countByStatus()), now);
                return last.counts();
            } catch (RuntimeException e) {
                LOG.warn("Counting instances by status for the metrics failed: {}", e.getMessage());
                return null;
            }
        }
    }
}
