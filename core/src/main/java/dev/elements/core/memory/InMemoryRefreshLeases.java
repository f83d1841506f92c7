package dev.elements.core.memory;

import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.out.RefreshLeases;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Renewal leases for one process. */
public final class InMemoryRefreshLeases implements RefreshLeases {
    private record Lease(String holder, Instant until) {
    }

    private final Map<InstanceId, Lease> leases = new ConcurrentHashMap<>();

    @Override
    public boolean tryAcquire(InstanceId instance, String holder, Instant now, Instant until) {
        Lease mine = new Lease(holder, until);
        Lease result = leases.compute(instance,
                (id, current) -> current == null || current.until().isBefore(now) ? mine : current);
        return result == mine;
    }

    @Override
    public void release(InstanceId instance, String holder) {
        leases.computeIfPresent(instance, (id, current) -> current.holder().equals(holder) ? null : current);
    }
}
