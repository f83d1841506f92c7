package dev.elements.facebook.violation;

import dev.elements.core.port.in.ProvisionInstanceUseCase;

/** Deliberately wrong, for {@code ArchitectureTest}: a plugin that calls the platform's use cases. */
public final class PluginThatProvisionsInstances {
    private ProvisionInstanceUseCase provisioning;
}
