package dev.elements.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path, status, duration and request id, with the request's ids in
 * the MDC ({@link RequestLogContext}). Deliberately nothing else: headers carry secrets, query
 * strings carry {@code apiSecret}, bodies carry codes and tokens.
 */
final class RequestLog implements RequestLogger {
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

    private final RequestIds requestIds;

    RequestLog(RequestIds requestIds) {
        this.requestIds = requireNonNull(requestIds, "requestIds");
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        String requestId = requestIds.of(ctx);
        RequestLogContext.logWith(ctx, requestId, () -> {
            if (LOG.isInfoEnabled()) {
                LOG.info("{} {} {} {}ms requestId={}", ctx.method().name(), ctx.path(), ctx.statusCode(),
                        Math.round(executionTimeMs), requestId);
            }
        });
    }
}
