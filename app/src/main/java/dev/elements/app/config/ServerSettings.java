package dev.elements.app.config;

import dev.elements.core.element.OperatorOverrides;

/** Every setting of the server, read once at start-up; a bad value stops the start with a message. */
public record ServerSettings(HttpSettings http, DatabaseSettings database, SecuritySettings security,
        ProviderSettings providers, RenewalSettings renewals, EventSettings events, OperatorOverrides overrides,
        ElementSettings elements) {

    public static ServerSettings from(SettingsSource source) {
        return new ServerSettings(HttpSettings.from(source), DatabaseSettings.from(source),
                SecuritySettings.from(source), ProviderSettings.from(source), RenewalSettings.from(source),
                EventSettings.from(source), OperatorOverrides.fromSettings(source.all()), ElementSettings.from(source));
    }
}
