package dev.elements.http;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code Elements-Request-Id} of each request: 12 random bytes as 24 lower-case hex digits, as
 * Cloud Elements shows them. It ties a client's error report to the server's log line.
 */
final class RequestIds {
    static final String HEADER = "Elements-Request-Id";
    private static final String ATTRIBUTE = "dev.elements.http.requestId";
    private static final int BYTES = 12;

    /**
     * Not SecureRandom: the id names a request, it grants nothing, and the JDK's default
     * SecureRandom reads the kernel's pool under one lock for every request on every thread.
     */
    String next() {
        byte[] bytes = new byte[BYTES];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Gives the request its id, on the response and for later handlers. */
    void assign(Context ctx) {
        String id = next();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        RequestLogContext.begin(id);
    }

    /** The request's id; one is assigned now if an early failure skipped {@link #assign}. */
    String of(Context ctx) {
        Object id = ctx.attribute(ATTRIBUTE);
        if (id instanceof String text) {
            return text;
        }
        assign(ctx);
        return (String) ctx.attribute(ATTRIBUTE);
    }
}
