package dev.elements.app.config;

import java.time.Duration;

/**
 * @param timeout how long one call to a provider may take ({@code ELEMENTS_PROVIDER_TIMEOUT_MS},
 *     default 10000); a provider slower than this gets the application a 504
 */
public record ProviderSettings(Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public static ProviderSettings from(SettingsSource source) {
        String raw = source.get("ELEMENTS_PROVIDER_TIMEOUT_MS", Long.toString(DEFAULT_TIMEOUT.toMillis()));
        try {
            long millis = Long.parseLong(raw);
            if (millis > 0) {
                return new ProviderSettings(Duration.ofMillis(millis));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SettingsException("ELEMENTS_PROVIDER_TIMEOUT_MS must be a positive number of milliseconds, not '"
                + raw + "'");
    }
}
