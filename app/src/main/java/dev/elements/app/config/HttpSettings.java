package dev.elements.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * @param host the address to listen on ({@code ELEMENTS_HTTP_HOST}, default all interfaces)
 * @param port the port ({@code ELEMENTS_HTTP_PORT}, default 8080; 0 picks a free one)
 * @param maxBodyBytes the largest request body accepted ({@code ELEMENTS_HTTP_MAX_BODY_BYTES}, 1 MiB)
 * @param bodyReadTimeout how long a request body may take to arrive before its connection is closed
 *     ({@code ELEMENTS_HTTP_BODY_READ_TIMEOUT_MS}, 10 s)
 * @param maxThreads the most threads serving requests, half of which may read bodies at once
 *     ({@code ELEMENTS_HTTP_MAX_THREADS}, 200)
 * @param maxFailedAuthentications wrong secrets one address or one presented secret may send per
 *     window before getting 429 ({@code ELEMENTS_AUTH_MAX_FAILURES}, 30)
 * @param failedAuthenticationWindow the window ({@code ELEMENTS_AUTH_FAILURE_WINDOW_SECONDS}, 60 s)
 * @param maxUploadBytes the largest {@code multipart/form-data} upload accepted on the hub resources
 *     that take uploads, such as Facebook's photos and videos ({@code ELEMENTS_HUB_MAX_UPLOAD_BYTES},
 *     10 MiB); each is held in memory while it is passed to the provider
 * @param corsOrigins the origins whose browser pages may call the API ({@code ELEMENTS_HTTP_CORS_ORIGINS},
 *     comma-separated, such as {@code https://app.example}, or {@code *} for any; default none)
 * @param publicUrl where browsers reach this server ({@code ELEMENTS_PUBLIC_URL}, such as
 *     {@code https://elements.example.com}); the connect pages and the providers' callback to them,
 *     {@code /connect/callback}, are made from it. Null by default: the listening address,
 *     {@code http://host:port}, with {@code localhost} for a wildcard host
 */
public record HttpSettings(String host, int port, long maxBodyBytes, Duration bodyReadTimeout, int maxThreads,
        int maxFailedAuthentications, Duration failedAuthenticationWindow, long maxUploadBytes,
        List<String> corsOrigins, URI publicUrl) {
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 10L * 1024 * 1024;
    /** An upload is read into one array. */
    public static final long MAX_MAX_UPLOAD_BYTES = Integer.MAX_VALUE - 8;
    public static final long DEFAULT_BODY_READ_TIMEOUT_MS = 10_000;
    public static final int DEFAULT_MAX_THREADS = 200;
    /** Fewer leave no thread for requests without a body while bodies are being read. */
    public static final int MIN_THREADS = 8;
    public static final int DEFAULT_MAX_FAILED_AUTHENTICATIONS = 30;
    public static final long DEFAULT_FAILED_AUTHENTICATION_WINDOW_SECONDS = 60;
    private static final String CORS_ORIGINS = "ELEMENTS_HTTP_CORS_ORIGINS";
    private static final String PUBLIC_URL = "ELEMENTS_PUBLIC_URL";

    public HttpSettings {
        corsOrigins = List.copyOf(corsOrigins);
    }

    public static HttpSettings from(SettingsSource source) {
        long limit = positive(source, "ELEMENTS_HTTP_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, 1,
                "a positive number of bytes");
        long bodyReadTimeout = positive(source, "ELEMENTS_HTTP_BODY_READ_TIMEOUT_MS", DEFAULT_BODY_READ_TIMEOUT_MS, 1,
                "a positive number of milliseconds");
        long maxThreads = positive(source, "ELEMENTS_HTTP_MAX_THREADS", DEFAULT_MAX_THREADS, MIN_THREADS,
                "a number of threads of at least " + MIN_THREADS);
        long maxFailures = positive(source, "ELEMENTS_AUTH_MAX_FAILURES", DEFAULT_MAX_FAILED_AUTHENTICATIONS, 1,
                "a positive number of failed authentications");
        long window = positive(source, "ELEMENTS_AUTH_FAILURE_WINDOW_SECONDS",
                DEFAULT_FAILED_AUTHENTICATION_WINDOW_SECONDS, 1, "a positive number of seconds");
        long maxUpload = positive(source, "ELEMENTS_HUB_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES, 1,
                "a positive number of bytes");
        if (maxUpload > MAX_MAX_UPLOAD_BYTES) {
            throw new SettingsException("ELEMENTS_HUB_MAX_UPLOAD_BYTES must be at most " + MAX_MAX_UPLOAD_BYTES
                    + " bytes, not '" + maxUpload + "'");
        }
        return new HttpSettings(source.get("ELEMENTS_HTTP_HOST", DEFAULT_HOST),
                source.port("ELEMENTS_HTTP_PORT", DEFAULT_PORT), limit, Duration.ofMillis(bodyReadTimeout),
                (int) Math.min(Integer.MAX_VALUE, maxThreads), (int) Math.min(Integer.MAX_VALUE, maxFailures),
                Duration.ofSeconds(window), maxUpload, corsOrigins(source.get(CORS_ORIGINS, "")),
                publicUrl(source.get(PUBLIC_URL, "").strip()));
    }

    /**
     * Each entry an origin as a browser sends it in its {@code Origin} header (scheme, host and a
     * port other than the scheme's), or {@code *}. A path would never match, so it is refused rather
     * than ignored; a trailing slash is forgiven.
     */
    private static List<String> corsOrigins(String raw) {
        List<String> origins = new ArrayList<>();
        for (String entry : raw.split(",")) {
            String origin = entry.strip();
            if (origin.isEmpty()) {
                continue;
            }
            if (origin.equals("*")) {
                origins.add(origin);
                continue;
            }
            URI uri;
            try {
                uri = new URI(origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin);
            } catch (URISyntaxException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null || uri.getRawUserInfo() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                    || uri.getRawFragment() != null
                    || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new SettingsException(CORS_ORIGINS + " must list origins such as https://app.example"
                        + " (scheme, host, optional port), comma-separated, or *; not '" + origin + "'");
            }
            origins.add(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        }
        return origins;
    }

    /**
     * An absolute http or https URL, with a path when a proxy serves the server below one; without a
     * query or fragment, which no page address could carry on. A trailing slash is forgiven.
     */
    private static URI publicUrl(String raw) {
        if (raw.isEmpty()) {
            return null;
        }
        String trimmed = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new SettingsException(PUBLIC_URL + " must be the address browsers reach this server at, such as"
                    + " https://elements.example.com (scheme, host, optional port and path); not '" + raw + "'");
        }
        return uri;
    }

    private static long positive(SettingsSource source, String variable, long defaultValue, long least,
            String expected) {
        String raw = source.get(variable, Long.toString(defaultValue));
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            value = least - 1;
        }
        if (value < least) {
            throw new SettingsException(variable + " must be " + expected + ", not '" + raw + "'");
        }
        return value;
    }
}
