package dev.elements.http;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser pages may call the API from another origin (CORS), and the answers that tell a
 * browser so. Only the origins the operator lists are allowed ({@code *} for any); with none, no
 * response carries a CORS header and every preflight is refused, so a browser page cannot call the
 * API at all. Runs before routing, so a preflight is answered on every path, with or without
 * credentials (a browser sends none with it); a refusal goes through the one exception mapper.
 *
 * <p>No response allows credentials ({@code Access-Control-Allow-Credentials}): the API takes its
 * secrets from the {@code Authorization} header a page sets itself, never from cookies.
 */
final class CrossOrigins {
    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
    /** The request headers the API reads; Elements-* headers a client asks for are allowed besides. */
    static final String ALLOWED_HEADERS = AuthorizationHeader.NAME + ", Content-Type, Accept, "
            + InstanceRoutes.IDEMPOTENCY_KEY;
    /**
     * The response headers a page may read besides the CORS-safelisted ones: Cloud Elements' own
     * list (churros {@code src/test/platform/general/headers.js}), this API's instance header, and
     * the wait of a 429 or 503.
     */
    static final String EXPOSED_HEADERS = "Elements-Returned-Count, Elements-Total-Count, " + RequestIds.HEADER
            + ", " + HubRoutes.NEXT_PAGE_TOKEN + ", Elements-Trace-Id, Elements-Error, Content-Disposition, "
            + HubRoutes.INSTANCE_ID + ", Retry-After";
    /** How long a browser may reuse a preflight's answer; browsers cap it themselves (Chromium at 2 hours). */
    static final Duration MAX_AGE = Duration.ofHours(1);
    static final String ANY = "*";
    private static final String CLIENT_HEADER_PREFIX = "elements-";

    private final Set<String> origins;
    private final boolean anyOrigin;

    /** @param origins the allowed origins as a browser sends them ({@code https://app.example:8443}), or {@code *} */
    CrossOrigins(List<String> origins) {
        this.origins = requireNonNull(origins, "origins").stream()
                .map(origin -> origin.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.anyOrigin = this.origins.contains(ANY);
    }

    /**
     * Answers a preflight (204 for an allowed origin, 403 otherwise, nothing else run), and marks
     * the response to a real request from an allowed origin as readable by the page.
     */
    void handle(Context ctx) {
        if (varies()) {
            // A cache must not hand one origin's answer to another, nor an answer without CORS headers to a page.
            ctx.header("Vary", "Origin");
        }
        String origin = ctx.header("Origin");
        boolean preflight = ctx.method() == HandlerType.OPTIONS && origin != null
                && ctx.header("Access-Control-Request-Method") != null;
        if (origin == null || !allows(origin)) {
            if (preflight) {
                throw new PlatformException(ErrorCode.NOT_ALLOWED,
                        "Browser requests from this origin are not allowed by this server");
            }
            return;
        }
        ctx.header("Access-Control-Allow-Origin", anyOrigin ? ANY : origin);
        if (!preflight) {
            ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
            return;
        }
        ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
        ctx.header("Access-Control-Allow-Headers", allowedHeaders(ctx.header("Access-Control-Request-Headers")));
        ctx.header("Access-Control-Max-Age", Long.toString(MAX_AGE.toSeconds()));
        ctx.status(204);
        ctx.skipRemainingHandlers();
    }

    private boolean varies() {
        return !origins.isEmpty() && !anyOrigin;
    }

    private boolean allows(String origin) {
        return anyOrigin || origins.contains(origin.toLowerCase(Locale.ROOT));
    }

    /**
     * The headers the API reads, and the {@code Elements-*} headers among those requested: Cloud
     * Elements' clients send some of their own (such as {@code Elements-Async-Request}), which the
     * API ignores rather than refuses.
     */
    private static String allowedHeaders(String requested) {
        List<String> allowed = new ArrayList<>(List.of(ALLOWED_HEADERS));
        if (requested != null) {
            Arrays.stream(requested.split(","))
                    .map(String::strip)
                    .filter(header -> header.toLowerCase(Locale.ROOT).startsWith(CLIENT_HEADER_PREFIX))
                    .filter(header -> header.chars().allMatch(CrossOrigins::isTokenCharacter))
                    .forEach(allowed::add);
        }
        return String.join(", ", allowed);
    }

    /** Only header-name characters are echoed, so nothing a client sends can break the response header. */
    private static boolean isTokenCharacter(int c) {
        return c == '-' || c == '_' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
