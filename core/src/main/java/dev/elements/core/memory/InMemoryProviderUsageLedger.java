package dev.elements.core.memory;

import dev.elements.core.port.out.ProviderUsageLedger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Usage readings for one process. */
public final class InMemoryProviderUsageLedger implements ProviderUsageLedger {
    private final Map<String, UsageReading> readings = new ConcurrentHashMap<>();

    @Override
    public Optional<UsageReading> latest(String bucket) {
        return Optional.ofNullable(readings.get(bucket));
    }

    @Override
    public void record(UsageReading reading) {
        readings.merge(reading.bucket(), reading,
                (stored, offered) -> offered.observedAt().isBefore(stored.observedAt()) ? stored : offered);
    }
}
