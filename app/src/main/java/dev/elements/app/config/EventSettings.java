package dev.elements.app.config;

import java.time.Duration;

/**
 * @param period how often each node looks for due event deliveries and polls
 *     ({@code ELEMENTS_EVENTS_PERIOD_MS}, default 1000): a due delivery starts within about this long,
 *     on top of its retry delay
 * @param allowPrivateCallbacks whether applications may name callback URLs on loopback, private,
 *     link-local or carrier-grade NAT addresses ({@code ELEMENTS_EVENTS_ALLOW_PRIVATE_CALLBACKS},
 *     default true for local use); a server shared with untrusted applications turns it off, so that
 *     no callback reaches into the network the server sits in
 */
public record EventSettings(Duration period, boolean allowPrivateCallbacks) {
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(1);

    public static EventSettings from(SettingsSource source) {
        return new EventSettings(period(source), source.flag("ELEMENTS_EVENTS_ALLOW_PRIVATE_CALLBACKS", true));
    }

    private static Duration period(SettingsSource source) {
        String raw = source.get("ELEMENTS_EVENTS_PERIOD_MS", Long.toString(DEFAULT_PERIOD.toMillis()));
        try {
            long millis = Long.parseLong(raw);
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SettingsException("ELEMENTS_EVENTS_PERIOD_MS must be a positive number of milliseconds, not '"
                + raw + "'");
    }
}
