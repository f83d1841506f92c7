package dev.elements.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of the server's metrics: the registry {@code GET /metrics} shows, who may read it,
 * and the timer of every request, labelled by method, route and status. The route is the template
 * as registered ({@code /elements/api-v2/instances/{id}}), never the path asked for, so that ids
 * make no new series and nothing a client sends ends up in a label.
 *
 * @see MetricsRoutes
 */
public final class HttpMetrics {
    static final String REQUESTS = "http.server.requests";
    /** The route label of a request no route matched (a 404, most often): its path stays out. */
    static final String UNMATCHED = "unmatched";
    /**
     * The histogram's buckets: a dozen fixed bounds rather than Micrometer's several dozen, since
     * every route, method and status has its own set, from a quick read to a slow provider call.
     */
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
    };

    private final PrometheusMeterRegistry registry;
    private final Optional<String> bearerToken;

    private HttpMetrics(PrometheusMeterRegistry registry, Optional<String> bearerToken) {
        this.registry = requireNonNull(registry, "registry");
        this.bearerToken = requireNonNull(bearerToken, "bearerToken");
    }

    /** {@code /metrics} open to anyone who reaches the port, as a scraper on the same network expects. */
    public static HttpMetrics open(PrometheusMeterRegistry registry) {
        return new HttpMetrics(registry, Optional.empty());
    }

    /** {@code /metrics} for a scraper that sends {@code Authorization: Bearer <token>} only. */
    public static HttpMetrics protectedBy(PrometheusMeterRegistry registry, String bearerToken) {
        requireNonNull(bearerToken, "bearerToken");
        if (bearerToken.isBlank()) {
            throw new IllegalArgumentException("A metrics token must not be blank");
        }
        return new HttpMetrics(registry, Optional.of(bearerToken));
    }

    /** A registry of this API's own, for a host that reads no metrics. */
    static HttpMetrics unshared() {
        return open(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    Optional<String> bearerToken() {
        return bearerToken;
    }

    /**
     * Records a finished request. Called by Javalin after the response, on the request's thread;
     * the registry finds an existing timer without a lock, so requests never wait on each other here.
     */
    void record(Context ctx, Float executionTimeMs) {
        Timer.builder(REQUESTS)
                .description("HTTP requests by method, route template and status")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .tag("method", ctx.method().name())
                .tag("route", route(ctx))
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record(Math.round(executionTimeMs * 1_000_000d), TimeUnit.NANOSECONDS);
    }

    private static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? UNMATCHED : endpoint.path;
    }
}
