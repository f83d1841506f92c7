package dev.elements.app.metrics;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementKey;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.port.out.PlatformMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Core's {@link PlatformMetrics} as Micrometer meters: {@code elements_provider_calls_seconds}
 * (element, operation, outcome: {@code success} or the provider error class),
 * {@code elements_renewals_total} (outcome), {@code elements_usage_holds_total} (element) and
 * {@code elements_event_deliveries_total} (outcome). Labels are lower-case enum names and element
 * keys: a bounded set, nothing a client sends.
 */
public final class MicrometerPlatformMetrics implements PlatformMetrics {
    static final String PROVIDER_CALLS = "elements.provider.calls";
    static final String SUCCESS = "success";
    /** Provider calls run from milliseconds to the provider timeout. */
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
    };

    private final MeterRegistry registry;
    private final Map<RenewalOutcome, Counter> renewals = new EnumMap<>(RenewalOutcome.class);
    private final Map<DeliveryOutcome, Counter> deliveries = new EnumMap<>(DeliveryOutcome.class);

    /** Registers the outcome counters at zero, so that a dashboard sees every series from the start. */
    public MicrometerPlatformMetrics(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry");
        for (RenewalOutcome outcome : RenewalOutcome.values()) {
            renewals.put(outcome, Counter.builder("elements.renewals")
                    .description("Credential renewals this node asked providers for, by outcome")
                    .tag("outcome", label(outcome))
                    .register(registry));
        }
        for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
            deliveries.put(outcome, Counter.builder("elements.event.deliveries")
                    .description("Attempts to deliver events to applications' callbacks, by outcome")
                    .tag("outcome", label(outcome))
                    .register(registry));
        }
    }

    @Override
    public void providerCall(ElementKey element, ProviderOperation operation, Optional<ProviderErrorClass> failure,
            Duration took) {
        Timer.builder(PROVIDER_CALLS)
                .description("Calls to providers by element, operation and outcome")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .tag("element", element.value())
                .tag("operation", label(operation))
                .tag("outcome", failure.map(MicrometerPlatformMetrics::label).orElse(SUCCESS))
                .register(registry)
                .record(took);
    }

    @Override
    public void renewal(RenewalOutcome outcome) {
        renewals.get(outcome).increment();
    }

    @Override
    public void usageHeld(ElementKey element) {
        Counter.builder("elements.usage.holds")
                .description("Hub calls held back because the provider's call budget was nearly used up")
                .tag("element", element.value())
                .register(registry)
                .increment();
    }

    @Override
    public void eventDelivery(DeliveryOutcome outcome) {
        deliveries.get(outcome).increment();
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
