package dev.elements.app;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.elements.app.config.HttpSettings;
import dev.elements.app.config.ServerSettings;
import dev.elements.app.config.SettingsException;
import dev.elements.app.config.UnknownSettings;
import dev.elements.app.inject.CoreModule;
import dev.elements.app.inject.ElementsModule;
import dev.elements.app.inject.HttpModule;
import dev.elements.app.inject.MetricsModule;
import dev.elements.app.metrics.ServerMetrics;
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
import java.net.BindException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
    private final ServerMetrics metrics;
    private final int port;

    private ElementsServer(PersistenceStore store, HttpApi http, AutoCloseable renewals, AutoCloseable deliveries,
            ServerMetrics metrics, int port) {
        this.store = store;
        this.metrics = metrics;
        this.http = http;
        this.renewals = renewals;
        this.deliveries = deliveries;
        this.port = port;
    }

    /**
     * Opens the database, starts serving, and gives an empty database its first organization.
     *
     * @param console where the secrets of a generated first organization are shown, once
     */
    public static ElementsServer start(ServerSettings settings, Clock clock, PrintStream console) {
        return start(settings, clock, console, new HttpModule(requireNonNull(settings, "settings").http()));
    }

    /** A demo's server ({@code elements.jar demo}): the same, with {@code /health} saying it is a demo. */
    public static ElementsServer startDemo(ServerSettings settings, Clock clock, PrintStream console) {
        return start(settings, clock, console, HttpModule.demo(requireNonNull(settings, "settings").http()));
    }

    private static ElementsServer start(ServerSettings settings, Clock clock, PrintStream console,
            HttpModule httpModule) {
        Injector injector = Guice.createInjector(Stage.PRODUCTION,
                new ElementsModule(settings.elements()),
                PersistenceModule.forServer(settings.database(), settings.security()),
                new CoreModule(settings.overrides(), settings.providers(), settings.security(), settings.events(),
                        clock),
                httpModule,
                new MetricsModule(Optional.ofNullable(settings.security().metricsToken())));
        PersistenceStore store = injector.getInstance(PersistenceStore.class);
        HttpApi http = null;
        try {
            List<ElementDefinition> elements = injector.getInstance(DescribeElementsUseCase.class).elements();
            UnknownSettings.warnings(settings.givenNames(), elements).forEach(LOG::warn);
            http = injector.getInstance(HttpApi.class);
            // Bound before the first organization is made: a start that cannot serve creates no
            // secrets that would be shown once and then lost with it.
            int port = bind(http, settings.http());
            injector.getInstance(BootstrapOrganizationUseCase.class)
                    .createFirstIfEmpty(settings.security().bootstrapOrganizationSecret(),
                            settings.security().bootstrapUserSecret())
                    .ifPresent(first -> announce(first, console));
            AutoCloseable renewals = injector.getInstance(RenewCredentialsUseCase.class)
                    .startBackground(settings.renewals().sweepPeriod(), settings.renewals().batch());
            AutoCloseable deliveries = injector.getInstance(DeliverEventsUseCase.class)
                    .startBackground(settings.events().period());
            LOG.info("Elements started on port {} with database {} and elements {}", port, store.kind(),
                    elements.stream().map(ElementDefinition::key).map(Object::toString)
                            .collect(Collectors.joining(", ")));
            return new ElementsServer(store, http, renewals, deliveries, injector.getInstance(ServerMetrics.class),
                    port);
        } catch (RuntimeException e) {
            if (http != null) {
                http.stop();
            }
            injector.getInstance(ServerMetrics.class).close();
            store.close();
            throw e;
        }
    }

    /** Starts serving; a port another process holds is the operator's to resolve, so it is named with its setting. */
    private static int bind(HttpApi http, HttpSettings settings) {
        try {
            return http.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof BindException) {
                    throw new SettingsException("Port " + settings.port() + " on " + settings.host() + " is in use"
                            + " by another process: stop that process, or choose another port with"
                            + " ELEMENTS_HTTP_PORT", e);
                }
            }
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
            metrics.close();
            store.close();
        }
    }
}
