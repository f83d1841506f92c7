package dev.elements.app.metrics;

import static java.util.Objects.requireNonNull;

import dev.elements.core.port.out.InstanceRepository;
import dev.elements.persistence.PersistenceStore;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The server's one meter registry, which {@code GET /metrics} shows: the JVM (memory, garbage
 * collection, threads, classes, CPU, uptime), the connection pool, instances by status, and what
 * core and the HTTP adapter record into it. Closed with the server, which lets go of the garbage
 * collection listeners.
 */
public final class ServerMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics garbageCollection = new JvmGcMetrics();

    public ServerMetrics(PersistenceStore store, InstanceRepository instances) {
        requireNonNull(store, "store");
        requireNonNull(instances, "instances");
        new JvmMemoryMetrics().bindTo(registry);
        garbageCollection.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        store.reportPoolMetricsTo(registry);
        new InstanceCounts(instances, System::nanoTime).registerIn(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        garbageCollection.close();
        registry.close();
    }
}
