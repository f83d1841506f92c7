package dev.elements.app.config;

import java.time.Duration;

/**
 * @param sweepPeriod how often each node looks for instances whose renewal is due
 *     ({@code ELEMENTS_RENEWAL_SWEEP_MS}, default 1000): a due instance is renewed within about this long
 * @param batch how many due instances one sweep takes on at most
 */
public record RenewalSettings(Duration sweepPeriod, int batch) {
    public static final Duration DEFAULT_SWEEP = Duration.ofSeconds(1);
    public static final int DEFAULT_BATCH = 50;

    public static RenewalSettings from(SettingsSource source) {
        String raw = source.get("ELEMENTS_RENEWAL_SWEEP_MS", Long.toString(DEFAULT_SWEEP.toMillis()));
        try {
            long millis = Long.parseLong(raw);
            if (millis > 0) {
                return new RenewalSettings(Duration.ofMillis(millis), DEFAULT_BATCH);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SettingsException("ELEMENTS_RENEWAL_SWEEP_MS must be a positive number of milliseconds, not '"
                + raw + "'");
    }
}
