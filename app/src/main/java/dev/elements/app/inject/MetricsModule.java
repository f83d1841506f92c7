package dev.elements.app.inject;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.elements.app.metrics.MicrometerPlatformMetrics;
import dev.elements.app.metrics.ServerMetrics;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.port.out.PlatformMetrics;
import dev.elements.http.HttpMetrics;
import dev.elements.persistence.PersistenceStore;
import java.util.Optional;

/**
 * Binds the server's metrics: the {@link ServerMetrics} registry, core's {@link PlatformMetrics}
 * recording into it (in place of the none {@link CoreModule} binds by default), and the
 * {@link HttpMetrics} that times requests and serves {@code GET /metrics}, behind a Bearer token
 * when one is set.
 */
public final class MetricsModule extends AbstractModule {
    private final Optional<String> token;

    /** @param token {@code ELEMENTS_METRICS_TOKEN}, or empty for metrics open to whoever reaches the port */
    public MetricsModule(Optional<String> token) {
        this.token = requireNonNull(token, "token");
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), PlatformMetrics.class).setBinding()
                .to(MicrometerPlatformMetrics.class);
    }

    @Provides
    @Singleton
    ServerMetrics serverMetrics(PersistenceStore store, InstanceRepository instances) {
        return new ServerMetrics(store, instances);
    }

    @Provides
    @Singleton
    MicrometerPlatformMetrics platformMetrics(ServerMetrics metrics) {
        return new MicrometerPlatformMetrics(metrics.registry());
    }

    @Provides
    @Singleton
    HttpMetrics httpMetrics(ServerMetrics metrics) {
        return token.map(bearer -> HttpMetrics.protectedBy(metrics.registry(), bearer))
                .orElseGet(() -> HttpMetrics.open(metrics.registry()));
    }
}
