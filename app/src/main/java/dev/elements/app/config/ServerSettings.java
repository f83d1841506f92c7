package dev.elements.app.config;

import dev.elements.core.element.OperatorOverrides;
import java.util.Set;

/**
 * Every setting of the server, read once at start-up; a bad value stops the start with a message.
 *
 * @param givenNames every {@code ELEMENTS_*} name given, known or not, for {@link UnknownSettings}
 */
public record ServerSettings(HttpSettings http, DatabaseSettings database, SecuritySettings security,
        ProviderSettings providers, RenewalSettings renewals, EventSettings events, OperatorOverrides overrides,
        ElementSettings elements, Set<String> givenNames) {

    public ServerSettings {
        givenNames = Set.copyOf(givenNames);
    }

    public static ServerSettings from(SettingsSource source) {
        return new ServerSettings(HttpSettings.from(source), DatabaseSettings.from(source),
                SecuritySettings.from(source), ProviderSettings.from(source), RenewalSettings.from(source),
                EventSettings.from(source), OperatorOverrides.fromSettings(source.all()), ElementSettings.from(source),
                source.all().keySet());
    }
}
