package dev.elements.core.spi.violation;

import dev.elements.core.port.in.ProvisionInstanceUseCase;

/** Deliberately wrong, for {@code CoreArchitectureTest}: the plugin SPI handing a plugin a use case. */
public interface ContextThatHandsOutAUseCase {
    ProvisionInstanceUseCase provisioning();
}
