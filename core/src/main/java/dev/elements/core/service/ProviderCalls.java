package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementKey;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.PlatformMetrics;
import dev.elements.core.port.out.PlatformMetrics.ProviderOperation;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Times a call to a provider and reports it to the metrics with its outcome: the answer, or the
 * class of the provider's refusal. What is not a provider's answer (a bug, an interrupted thread)
 * passes unreported: it says nothing about the provider.
 */
final class ProviderCalls {
    private final PlatformMetrics metrics;

    ProviderCalls(PlatformMetrics metrics) {
        this.metrics = requireNonNull(metrics, "metrics");
    }

    <T> T measure(ElementKey element, ProviderOperation operation, Supplier<T> call) {
        long started = System.nanoTime();
        try {
            T answer = call.get();
            metrics.providerCall(element, operation, Optional.empty(), since(started));
            return answer;
        } catch (ProviderException e) {
            metrics.providerCall(element, operation, Optional.of(e.errorClass()), since(started));
            throw e;
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
