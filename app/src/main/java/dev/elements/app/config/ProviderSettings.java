package dev.elements.app.config;

import dev.elements.core.Elements;
import java.time.Duration;

/**
 * @param timeout how long one client call may spend on its provider calls, answers read in full and
 *     retries included ({@code ELEMENTS_PROVIDER_TIMEOUT_MS}, default 10000); a provider slower than
 *     this gets the application a 504
 * @param maxResponseBytes the largest provider answer read ({@code ELEMENTS_PROVIDER_MAX_RESPONSE_BYTES},
 *     default 8 MiB); a larger one gets the application a 502
 * @param pendingAuthorizationsMax the most logins under way at once for elements that use PKCE,
 *     whose verifiers the platform keeps ({@code ELEMENTS_OAUTH_PENDING_MAX}, default 10000); beyond
 *     it, {@code oauth/url} answers 429
 */
public record ProviderSettings(Duration timeout, long maxResponseBytes, int pendingAuthorizationsMax) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 8L * 1024 * 1024;
    /** What one byte array can hold. */
    static final long LARGEST_MAX_RESPONSE_BYTES = Integer.MAX_VALUE - 8;
    /** Enough for a busy installation; the point of the setting is that the open login URL is bounded. */
    static final int LARGEST_PENDING_AUTHORIZATIONS_MAX = 1_000_000;

    public ProviderSettings(Duration timeout) {
        this(timeout, DEFAULT_MAX_RESPONSE_BYTES, Elements.DEFAULT_PENDING_AUTHORIZATION_LIMIT);
    }

    public static ProviderSettings from(SettingsSource source) {
        long timeoutMillis = positive(source, "ELEMENTS_PROVIDER_TIMEOUT_MS", DEFAULT_TIMEOUT.toMillis(),
                Long.MAX_VALUE, "a positive number of milliseconds");
        long maxResponseBytes = positive(source, "ELEMENTS_PROVIDER_MAX_RESPONSE_BYTES", DEFAULT_MAX_RESPONSE_BYTES,
                LARGEST_MAX_RESPONSE_BYTES, "a number of bytes from 1 to " + LARGEST_MAX_RESPONSE_BYTES);
        long pendingAuthorizationsMax = positive(source, "ELEMENTS_OAUTH_PENDING_MAX",
                Elements.DEFAULT_PENDING_AUTHORIZATION_LIMIT, LARGEST_PENDING_AUTHORIZATIONS_MAX,
                "a number from 1 to " + LARGEST_PENDING_AUTHORIZATIONS_MAX);
        return new ProviderSettings(Duration.ofMillis(timeoutMillis), maxResponseBytes,
                (int) pendingAuthorizationsMax);
    }

    private static long positive(SettingsSource source, String name, long fallback, long largest, String what) {
        String raw = source.get(name, Long.toString(fallback));
        try {
            long value = Long.parseLong(raw);
            if (value > 0 && value <= largest) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SettingsException(name + " must be " + what + ", not '" + raw + "'");
    }
}
