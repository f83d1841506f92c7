package dev.elements.http;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The few knobs of the HTTP adapter that are not routes.
 *
 * @param maxBodyBytes the largest request body accepted; larger ones get 413 before they are read
 *     into memory
 * @param stopTimeout how long {@link HttpApi#stop()} waits for requests in flight before it closes
 *     their connections anyway
 * @param bodyReadTimeout how long one request body may take to arrive, from the first read to the
 *     last byte; a slower one has its connection closed, so that a client dripping bytes cannot hold
 *     a thread for longer
 * @param maxThreads the most threads serving requests; at most half of them read request bodies at
 *     any moment, so the other half always serves requests that have none, {@code /health} among them
 * @param failedAuthenticationLimit how many wrong secrets one source address, or one presented
 *     secret, may send within {@code failedAuthenticationWindow} before further attempts get 429
 * @param failedAuthenticationWindow the window over which failed authentications are counted
 * @param maxUploadBytes the largest {@code multipart/form-data} upload accepted, on the hub resources
 *     that take uploads only (every other body has {@code maxBodyBytes}); larger ones get 413 naming
 *     the limit, and nothing reaches the provider. Such a body is held in memory while it is passed
 *     on, so this bounds the memory of one upload
 * @param corsOrigins the origins whose browser pages may call the API (such as
 *     {@code https://app.example}), or {@code *} for any; empty, the default, for none
 * @param mode how the server runs when that is not the usual way, such as {@code demo}, shown in
 *     {@code /health} so that nobody mistakes a demo for a real installation; null for the usual way
 * @param publicUrl where browsers reach this server (the connect pages and the providers' callback
 *     to them are made from it), or null, the default, for the address it listens on
 */
public record HttpApiSettings(long maxBodyBytes, Duration stopTimeout, Duration bodyReadTimeout, int maxThreads,
        int failedAuthenticationLimit, Duration failedAuthenticationWindow, long maxUploadBytes,
        List<String> corsOrigins, String mode, URI publicUrl) {
    /** One MiB: far more than any platform request needs, far less than would hurt the server. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /**
     * Ten MiB: more than the photos Facebook takes (it recommends them under 4 MB), enough for short
     * videos; an operator who publishes longer ones raises it.
     */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 10L * 1024 * 1024;
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);
    /** A MiB in ten seconds is 100 KiB/s, which any client that means it manages. */
    public static final Duration DEFAULT_BODY_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_THREADS = 200;
    /** The fewest threads that leave room for body readers, the rest, and Jetty's own. */
    static final int MIN_THREADS = 8;
    public static final int DEFAULT_FAILED_AUTHENTICATION_LIMIT = 30;
    public static final Duration DEFAULT_FAILED_AUTHENTICATION_WINDOW = Duration.ofMinutes(1);

    public HttpApiSettings {
        requireNonNull(stopTimeout, "stopTimeout");
        requireNonNull(bodyReadTimeout, "bodyReadTimeout");
        requireNonNull(failedAuthenticationWindow, "failedAuthenticationWindow");
        corsOrigins = List.copyOf(requireNonNull(corsOrigins, "corsOrigins"));
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        if (maxUploadBytes <= 0 || maxUploadBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxUploadBytes must be positive and fit an array: " + maxUploadBytes);
        }
        requirePositive("stopTimeout", stopTimeout);
        requirePositive("bodyReadTimeout", bodyReadTimeout);
        requirePositive("failedAuthenticationWindow", failedAuthenticationWindow);
        if (maxThreads < MIN_THREADS) {
            throw new IllegalArgumentException("maxThreads must be at least " + MIN_THREADS + ": " + maxThreads);
        }
        if (failedAuthenticationLimit < 1) {
            throw new IllegalArgumentException("failedAuthenticationLimit must be positive: "
                    + failedAuthenticationLimit);
        }
    }

    /** The limits of body size and stop time, and the defaults for everything else. */
    public HttpApiSettings(long maxBodyBytes, Duration stopTimeout) {
        this(maxBodyBytes, stopTimeout, DEFAULT_BODY_READ_TIMEOUT, DEFAULT_MAX_THREADS,
                DEFAULT_FAILED_AUTHENTICATION_LIMIT, DEFAULT_FAILED_AUTHENTICATION_WINDOW, DEFAULT_MAX_UPLOAD_BYTES,
                List.of(), null, null);
    }

    public static HttpApiSettings defaults() {
        return new HttpApiSettings(DEFAULT_MAX_BODY_BYTES, DEFAULT_STOP_TIMEOUT);
    }

    public HttpApiSettings withMaxBodyBytes(long bytes) {
        return new HttpApiSettings(bytes, stopTimeout, bodyReadTimeout, maxThreads, failedAuthenticationLimit,
                failedAuthenticationWindow, maxUploadBytes, corsOrigins, mode, publicUrl);
    }

    public HttpApiSettings withBodyReadTimeout(Duration timeout) {
        return new HttpApiSettings(maxBodyBytes, stopTimeout, timeout, maxThreads, failedAuthenticationLimit,
                failedAuthenticationWindow, maxUploadBytes, corsOrigins, mode, publicUrl);
    }

    public HttpApiSettings withMaxThreads(int threads) {
        return new HttpApiSettings(maxBodyBytes, stopTimeout, bodyReadTimeout, threads, failedAuthenticationLimit,
                failedAuthenticationWindow, maxUploadBytes, corsOrigins, mode, publicUrl);
    }

    public HttpApiSettings withFailedAuthentications(int limit, Duration window) {
        return new HttpApiSettings(maxBodyBytes, stopTimeout, bodyReadTimeout, maxThreads, limit, window,
                maxUploadBytes, corsOrigins, mode, publicUrl);
    }

    public HttpApiSettings withMaxUploadBytes(long bytes) {
        return new HttpApiSettings(maxBodyBytes, stopTimeout, bodyReadTimeout, maxThreads, failedAuthenticationLimit,
                failedAuthenticationWindow, bytes, corsOrigins, mode, publicUrl);
    }

    /** @param origins as {@link #corsOrigins}; each an origin as a browser sends it, or {@code *} */
    public HttpApiSettings withCorsOrigins(List<String> origins) {
        return new HttpApiSettings(maxBodyBytes, stopTimeout, bodyReadTimeout, maxThreads, failedAuthenticationLimit,
                failedAuthenticationWindow, maxUploadBytes, origins, mode, publicUrl);
    }

    /** @param serverMode as {@link #mode}, such as {@code demo} */
    public HttpApiSettings withMode(String serverMode) {
        return new HttpApiSettings(maxBodyBytes, stopTimeout, bodyReadTimeout, maxThreads, failedAuthenticationLimit,
                failedAuthenticationWindow, maxUploadBytes, corsOrigins, requireNonNull(serverMode, "serverMode"), publicUrl);
    }

    /** @param url as {@link #publicUrl}: an absolute http or https URL, or null for the listening address */
    public HttpApiSettings withPublicUrl(URI url) {
        return new HttpApiSettings(maxBodyBytes, stopTimeout, bodyReadTimeout, maxThreads, failedAuthenticationLimit,
                failedAuthenticationWindow, maxUploadBytes, corsOrigins, mode, url);
    }

    /** Half the threads: the other half stays free for requests without a body. */
    int maxConcurrentBodyReads() {
        return maxThreads / 2;
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
