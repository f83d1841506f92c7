package dev.elements.core.spi;

import dev.elements.core.port.out.ProviderHttp;
import java.time.Clock;
import java.time.Duration;

/**
 * What the host lends a plugin for one call. Plugins take everything from here, never from
 * globals, so one JVM can host several platforms and tests can substitute each part.
 */
public interface ElementContext {
    /** Outbound HTTP to the provider, pooled, with failures already classified. */
    ProviderHttp http();

    /** The platform's clock; use it for expiry arithmetic instead of the system clock. */
    Clock clock();

    /** How long one call to the provider may take before it counts as timed out. */
    Duration providerTimeout();

    static ElementContext of(ProviderHttp http, Clock clock, Duration providerTimeout) {
        record Simple(ProviderHttp http, Clock clock, Duration providerTimeout) implements ElementContext {
        }
        return new Simple(http, clock, providerTimeout);
    }
}
