package dev.elements.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The few knobs of the HTTP adapter that are not routes.
 *
 * @param maxBodyBytes the largest request body accepted; larger ones get 413 before they are read
 *     into memory
 * @param stopTimeout how long {@link HttpApi#stop()} waits for requests in flight before it closes
 *     their connections anyway
 */
public record HttpApiSettings(long maxBodyBytes, Duration stopTimeout) {
    /** One MiB: far more than any platform request needs, far less than would hurt the server. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    public HttpApiSettings {
        requireNonNull(stopTimeout, "stopTimeout");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        if (stopTimeout.isNegative() || stopTimeout.isZero()) {
            throw new IllegalArgumentException("stopTimeout must be positive: " + stopTimeout);
        }
    }

    public static HttpApiSettings defaults() {
        return new HttpApiSettings(DEFAULT_MAX_BODY_BYTES, DEFAULT_STOP_TIMEOUT);
    }

    public HttpApiSettings withMaxBodyBytes(long bytes) {
        return new HttpApiSettings(bytes, stopTimeout);
    }
}
