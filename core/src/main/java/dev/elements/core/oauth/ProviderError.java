package dev.elements.core.oauth;

import static java.util.Objects.requireNonNull;

import dev.elements.core.hub.ProviderUsage;
import java.time.Duration;
import java.util.Optional;

/**
 * A provider's refusal or failure, classified.
 *
 * @param errorClass what it means for the platform
 * @param providerMessage the provider's own words, shown to the application; null when the provider
 *     said nothing (it was unreachable, or answered something unreadable); never a token
 * @param providerCode the provider's code for logs and diagnostics (such as {@code 190/463}); may be null
 * @param retryAfter how long the provider asked callers to wait; may be null
 * @param usage how close the application is to the provider's limits, when the refusal said; may be null
 */
public record ProviderError(
        ProviderErrorClass errorClass, String providerMessage, String providerCode, Duration retryAfter,
        ProviderUsage usage) {

    public ProviderError {
        requireNonNull(errorClass, "errorClass");
    }

    public ProviderError(ProviderErrorClass errorClass, String providerMessage, String providerCode,
            Duration retryAfter) {
        this(errorClass, providerMessage, providerCode, retryAfter, null);
    }

    /** A refusal in the provider's words. */
    public static ProviderError of(ProviderErrorClass errorClass, String providerMessage) {
        return new ProviderError(errorClass, requireNonNull(providerMessage, "providerMessage"), null, null);
    }

    /** A failure in which the provider said nothing. */
    public static ProviderError silent(ProviderErrorClass errorClass) {
        return new ProviderError(errorClass, null, null, null);
    }

    public Optional<String> message() {
        return Optional.ofNullable(providerMessage);
    }

    public Optional<Duration> retryAfterHint() {
        return Optional.ofNullable(retryAfter);
    }

    public Optional<ProviderUsage> usageIfKnown() {
        return Optional.ofNullable(usage);
    }
}
