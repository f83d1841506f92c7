package dev.elements.core.hub;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How much of a provider's call budget an application has used, as the provider reported it (for
 * Facebook, {@code X-App-Usage} and {@code X-Business-Use-Case-Usage}).
 *
 * @param bucket what the budget belongs to, such as {@code facebooksocial:app:<app id>}: every
 *     instance of that application shares it
 * @param percent the highest share of the budget used, 0 to 100 (or above, when over)
 * @param regainAccessIn how long until the provider lets calls through again, when it said; may be null
 */
public record ProviderUsage(String bucket, int percent, Duration regainAccessIn) {
    public ProviderUsage {
        requireNonNull(bucket, "bucket");
        if (percent < 0) {
            throw new IllegalArgumentException("usage is never negative");
        }
    }
}
