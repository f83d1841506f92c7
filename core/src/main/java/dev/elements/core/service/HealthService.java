package dev.elements.core.service;

import dev.elements.core.port.in.CheckHealthUseCase;
import dev.elements.core.port.out.ReadinessCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs every readiness check. */
public final class HealthService implements CheckHealthUseCase {
    private final List<ReadinessCheck> checks;

    public HealthService(List<ReadinessCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    public Health health() {
        Map<String, Boolean> components = new LinkedHashMap<>();
        for (ReadinessCheck check : checks) {
            components.put(check.name(), check.ready());
        }
        return new Health(components);
    }
}
