package dev.elements.core.instance.violation;

import dev.elements.core.port.out.InstanceRepository;

/** Deliberately wrong, for {@code CoreArchitectureTest}: a domain type that knows a port. */
public final class DomainTypeThatSeesAPort {
    private InstanceRepository repository;
}
