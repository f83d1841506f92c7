package dev.elements.core.service.violation;

import dev.elements.core.memory.InMemoryInstanceRepository;

/** Deliberately wrong, for {@code CoreArchitectureTest}: a service choosing its adapter. */
public final class ServiceThatPicksTheInMemoryStore {
    private final Object instances = new InMemoryInstanceRepository();
}
