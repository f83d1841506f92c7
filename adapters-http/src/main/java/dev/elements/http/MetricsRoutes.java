package dev.elements.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * {@code GET /metrics}: the registry in Prometheus' text format, for a scraper. Open by default,
 * like {@code /health}; with a token set, only for {@code Authorization: Bearer <token>}, compared
 * in constant time over digests so that neither the token's content nor its length leaks by timing.
 */
final class MetricsRoutes {
    /** Prometheus' text exposition format, the one every scraper reads. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String BEARER = "Bearer ";

    private final HttpMetrics metrics;
    private final Optional<byte[]> tokenDigest;

    MetricsRoutes(HttpMetrics metrics) {
        this.metrics = requireNonNull(metrics, "metrics");
        this.tokenDigest = metrics.bearerToken().map(MetricsRoutes::sha256);
    }

    /** Declared at the root, beside {@code /health}, where scrapers look by default. */
    void declare() {
        get("metrics", this::scrape, Access.ANYONE);
    }

    private void scrape(Context ctx) {
        tokenDigest.ifPresent(expected -> requireToken(ctx, expected));
        ctx.contentType(CONTENT_TYPE).result(metrics.registry().scrape());
    }

    private static void requireToken(Context ctx, byte[] expected) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new PlatformException(ErrorCode.MISSING_CREDENTIALS,
                    "The metrics need an Authorization header: Bearer <metrics token>");
        }
        if (!MessageDigest.isEqual(expected, sha256(header.substring(BEARER.length()).strip()))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new PlatformException(ErrorCode.INVALID_CREDENTIALS, "Invalid metrics token");
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
