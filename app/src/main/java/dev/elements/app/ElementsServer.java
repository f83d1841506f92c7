package dev.elements.app;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.elements.app.config.ServerSettings;
import dev.elements.app.inject.CoreModule;
import dev.elements.app.inject.ElementsModule;
import dev.elements.app.inject.HttpModule;
import dev.elements.app.inject.PersistenceModule;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.port.in.BootstrapOrganizationUseCase;
import dev.elements.core.port.in.DeliverEventsUseCase;
import dev.elements.core.port.in.DescribeElementsUseCase;
import dev.elements.core.port.in.FirstOrganization;
import dev.elements.core.port.in.RenewCredentialsUseCase;
import dev.elements.http.HttpApi;
import dev.elements.persistence.PersistenceStore;
import java.io.PrintStream;
import java.time.Clock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running server: database, use cases and HTTP API, started in that order and stopped in reverse. */
public final class ElementsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ElementsServer.class);

    private final PersistenceStore store;
    private final HttpApi http;
    private final AutoCloseable renewals;
    private final AutoCloseable deliveries;
    private final int port;

    private ElementsServer(PersistenceStore store, HttpApi http, AutoCloseable renewals, AutoCloseable deliveries,
            int port) {
        this.store = store;
        this.http = http;
        this.renewals = renewals;
        this.deliveries = deliveries;
        this.port = port;
    }

    /**
     * Opens the database, gives an empty one its first organization, and starts serving.
     *
     * @param console where the secrets of a generated first organization are shown, once
     */
    public static ElementsServer start(ServerSettings settings, Clock clock, PrintStream console) {
        requireNonNull(settings, "settings");
        Injector injector = Guice.createInjector(Stage.PRODUCTION,
                new ElementsModule(settings.elements()),
                PersistenceModule.forServer(settings.database(), settings.security()),
                new CoreModule(settings.overrides(), settings.providers(), settings.security(), settings.events(),
                        clock),
                new HttpModule(settings.http()));
        PersistenceStore store = injector.getInstance(PersistenceStore.class);
        try {
            injector.getInstance(BootstrapOrganizationUseCase.class)
                    .createFirstIfEmpty(settings.security().bootstrapOrganizationSecret(),
                            settings.security().bootstrapUserSecret())
                    .ifPresent(first -> announce(first, console));
            HttpApi http = injector.getInstance(HttpApi.class);
            int port = http.start(settings.http().host(), settings.http().port());
            AutoCloseable renewals = injector.getInstance(RenewCredentialsUseCase.class)
                    .startBackground(settings.renewals().sweepPeriod(), settings.renewals().batch());
            AutoCloseable deliveries = injector.getInstance(DeliverEventsUseCase.class)
                    .startBackground(settings.events().period());
            LOG.info("Elements started on port {} with database {} and elements {}", port, store.kind(),
                    injector.getInstance(DescribeElementsUseCase.class).elements().stream()
                            .map(ElementDefinition::key).map(Object::toString).collect(Collectors.joining(", ")));
            return new ElementsServer(store, http, renewals, deliveries, port);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Generated secrets go to the console, never to the log: an operator must see them once, and a
     * log aggregator must never keep them.
     */
    private static void announce(FirstOrganization first, PrintStream console) {
        LOG.info("Created the first organization (id {}) and its administrator {}", first.principal().organizationId(),
                first.principal().user().emailAddress());
        if (first.generated()) {
            console.println();
            console.println("=== Elements: first organization created. These secrets are shown only now. ===");
            console.println("Organization secret: " + first.organizationSecret());
            console.println("User secret:         " + first.userSecret());
            console.println("Use them as:  Authorization: User <user secret>, Organization <organization secret>");
            console.println("===============================================================================");
            console.println();
            console.flush();
        }
    }

    public int port() {
        return port;
    }

    /**
     * Stops delivering events (after the attempts under way) and renewing, lets requests in flight
     * finish, then closes the database. Safe to call twice.
     */
    @Override
    public void close() {
        try {
            deliveries.close();
        } catch (Exception e) {
            LOG.warn("Stopping the background event deliveries failed", e);
        }
        try {
            renewals.close();
        } catch (Exception e) {
            LOG.warn("Stopping the background renewal failed", e);
        }
        try {
            http.stop();
        } finally {
            store.close();
        }
    }
}
