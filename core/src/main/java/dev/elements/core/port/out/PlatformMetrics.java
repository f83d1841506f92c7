package dev.elements.core.port.out;

import dev.elements.core.element.ElementKey;
import dev.elements.core.oauth.ProviderErrorClass;
import java.time.Duration;
import java.util.Optional;

/**
 * What the platform counts about its own work, for an operator's dashboards and alerts. Called by
 * the services at the points that already know an outcome; labels are few and bounded (an element,
 * an operation, an outcome), never an instance, an organization, a user or anything secret.
 * Implementations record and return: they must be cheap, take no lock a caller could wait on, and
 * never throw.
 */
public interface PlatformMetrics {
    /** What the platform asked a provider for. */
    enum ProviderOperation {
        /** A callback's code traded for credentials. */
        CODE_EXCHANGE,
        /** Tokens an application already held, checked with the provider. */
        TOKEN_ADOPTION,
        /** Credentials renewed before they expire. */
        RENEWAL,
        /** An application's call through an instance (each attempt and page). */
        HUB_CALL,
        /** An instance's provider asked what is new. */
        POLL
    }

    /** How a renewal this node asked the provider for ended. */
    enum RenewalOutcome {
        RENEWED,
        /** Failed for a passing reason; the instance is {@code REFRESH_FAILING} and is retried. */
        FAILED,
        /** The provider rejected the credentials; the instance needs a new authorization. */
        REJECTED
    }

    /** How one attempt to deliver an event to an application's callback ended. */
    enum DeliveryOutcome {
        DELIVERED,
        /** Failed; retried later. */
        FAILED,
        /** Failed for the last time: kept until the application asks for a redelivery. */
        PARKED
    }

    /**
     * One call to a provider.
     *
     * @param failure how the provider refused or failed, empty when it answered
     * @param took how long the call took
     */
    void providerCall(ElementKey element, ProviderOperation operation, Optional<ProviderErrorClass> failure,
            Duration took);

    void renewal(RenewalOutcome outcome);

    /** A call held back by the usage governor because the provider's budget for it is nearly used up. */
    void usageHeld(ElementKey element);

    void eventDelivery(DeliveryOutcome outcome);

    /** Records nothing: the default of an embedding host that asks for no metrics. */
    static PlatformMetrics none() {
        return new PlatformMetrics() {
            @Override
            public void providerCall(ElementKey element, ProviderOperation operation,
                    Optional<ProviderErrorClass> failure, Duration took) {
            }

            @Override
            public void renewal(RenewalOutcome outcome) {
            }

            @Override
            public void usageHeld(ElementKey element) {
            }

            @Override
            public void eventDelivery(DeliveryOutcome outcome) {
            }
        };
    }
}
