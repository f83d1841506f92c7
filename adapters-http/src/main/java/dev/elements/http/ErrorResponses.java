package dev.elements.http;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorType;
import dev.elements.core.error.PlatformException;
import dev.elements.core.error.RequestValues;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one exception mapper: every failure becomes the API.md error body with the request id, and
 * nothing about the server's insides (no stack trace, no exception text of our own bugs) reaches a
 * client.
 */
final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    static final String GENERIC_MESSAGE = "The server failed to handle this request; quote the request id when"
            + " reporting it";
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

    private final JsonCodec json;
    private final RequestIds requestIds;

    ErrorResponses(JsonCodec json, RequestIds requestIds) {
        this.json = requireNonNull(json, "json");
        this.requestIds = requireNonNull(requestIds, "requestIds");
    }

    /** Any exception a handler or Javalin throws. */
    void handle(Exception exception, Context ctx) {
        String requestId = requestIds.of(ctx);
        if (exception instanceof PlatformException platform) {
            platform(platform, ctx, requestId);
        } else if (exception instanceof HttpResponseException transport) {
            transport(transport, ctx, requestId);
        } else {
            unexpected(exception, ctx, requestId);
        }
    }

    static int status(ErrorType type) {
        return switch (type) {
            case INVALID_INPUT -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case GONE -> 410;
            case CONFLICT -> 409;
            case RATE_LIMITED -> 429;
            case PROVIDER_FAILED -> 502;
            case PROVIDER_TIMEOUT -> 504;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    private void platform(PlatformException exception, Context ctx, String requestId) {
        int status = status(exception.type());
        if (exception.type() == ErrorType.INTERNAL) {
            // Core's internal messages describe our state, not the caller's mistake.
            LOG.error("Request {} failed: {} {}", requestId, exception.code(), exception.getMessage(), exception);
            write(ctx, 500, new ErrorBody(requestId, GENERIC_MESSAGE, null));
            return;
        }
        if (status >= 500) {
            LOG.warn("Request {} failed: {} {}", requestId, exception.code(), exception.getMessage());
        } else {
            LOG.debug("Request {} refused: {}", requestId, exception.code());
        }
        exception.instance().ifPresent(instance -> ctx.header(HubRoutes.INSTANCE_ID, Long.toString(instance.value())));
        if (exception.type() == ErrorType.RATE_LIMITED) {
            ctx.header("Retry-After", Long.toString(retryAfterSeconds(exception)));
        }
        write(ctx, status, new ErrorBody(requestId, exception.getMessage(),
                exception.providerMessage().orElse(null)));
    }

    private void transport(HttpResponseException exception, Context ctx, String requestId) {
        int status = exception.getStatus();
        String message = exception.getMessage();
        if (exception instanceof MethodNotAllowedResponse) {
            String allowed = exception.getDetails().getOrDefault("availableMethods",
                    exception.getDetails().getOrDefault("Available methods", ""));
            if (!allowed.isEmpty()) {
                ctx.header("Allow", allowed);
            }
            message = "Method " + ctx.method().name() + " is not allowed here"
                    + (allowed.isEmpty() ? "" : "; allowed: " + allowed);
        } else if (exception instanceof NotFoundResponse) {
            // Javalin's own: no route matched. Our 404s are PlatformExceptions.
            message = "No route for " + ctx.method().name() + " " + RequestValues.quote(ctx.path());
        } else if (message == null || message.isBlank()) {
            message = HttpStatus.forStatus(status).getMessage();
        }
        if (status >= 500) {
            LOG.warn("Request {} failed with status {}", requestId, status);
        }
        write(ctx, status, new ErrorBody(requestId, message, null));
    }

    private void unexpected(Exception exception, Context ctx, String requestId) {
        LOG.error("Request {} failed unexpectedly", requestId, exception);
        write(ctx, 500, new ErrorBody(requestId, GENERIC_MESSAGE, null));
    }

    private void write(Context ctx, int status, ErrorBody body) {
        json.respond(ctx, status, body);
    }

    private static long retryAfterSeconds(PlatformException exception) {
        Duration wait = exception.retryAfter().orElse(DEFAULT_RETRY_AFTER);
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
