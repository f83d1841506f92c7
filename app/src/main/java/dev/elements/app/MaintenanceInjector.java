package dev.elements.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.elements.app.config.DatabaseSettings;
import dev.elements.app.config.ElementSettings;
import dev.elements.app.config.EventSettings;
import dev.elements.app.config.ProviderSettings;
import dev.elements.app.config.SecuritySettings;
import dev.elements.app.inject.CoreModule;
import dev.elements.app.inject.ElementsModule;
import dev.elements.app.inject.PersistenceModule;
import dev.elements.core.element.OperatorOverrides;
import java.time.Clock;

/** The use cases on the server's database for a command run beside the servers, which calls no provider. */
final class MaintenanceInjector {
    private MaintenanceInjector() {
    }

    static Injector create(DatabaseSettings database, SecuritySettings security) {
        // A maintenance command calls no provider and delivers no event, so the element and event
        // settings of a server do not matter.
        return Guice.createInjector(new ElementsModule(ElementSettings.none()),
                PersistenceModule.forMaintenance(database, security),
                new CoreModule(OperatorOverrides.none(), new ProviderSettings(ProviderSettings.DEFAULT_TIMEOUT),
                        security, new EventSettings(EventSettings.DEFAULT_PERIOD, true), Clock.systemUTC()));
    }
}
