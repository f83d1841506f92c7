package dev.elements.core.port.in;

import java.util.Map;

/** Liveness and readiness, for load balancers and operators. */
public interface CheckHealthUseCase {
    Health health();

    /** @param components each readiness check by name, with whether it passed */
    record Health(Map<String, Boolean> components) {
        public Health {
            components = Map.copyOf(components);
        }

        public boolean ready() {
            return components.values().stream().allMatch(Boolean::booleanValue);
        }
    }
}
