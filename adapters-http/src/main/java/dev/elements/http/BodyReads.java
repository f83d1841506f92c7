package dev.elements.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.ServiceUnavailableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reading a request body blocks a server thread for as long as the client takes to send it, so a
 * client that declares a large body and drips it a byte at a time holds a thread for as long as it
 * likes; a few hundred of them used to stop every route. Two bounds keep the rest of the server
 * serving:
 *
 * <ul>
 *   <li>a deadline: a body not complete within the body read timeout has its connection closed, which
 *       ends the blocked read (no answer can reach a client that is still sending its request);
 *   <li>a bound on the threads reading at once, separately for routes that resolved a caller first
 *       and for anonymous ones (the login URL), so that anonymous clients cannot take the threads of
 *       authenticated ones. A body that finds no reader free gets 503 with {@code Retry-After} at once.
 * </ul>
 *
 * Routes that need credentials check them before any of their body is read ({@link Callers} runs
 * first), so an anonymous client never gets this far on them.
 */
final class BodyReads {
    /** Of the readers, the share anonymous routes may hold: they need few, and never many at once. */
    private static final int ANONYMOUS_SHARE = 4;
    private static final String RETRY_AFTER_SECONDS = "1";

    private final Semaphore authenticated;
    private final Semaphore anonymous;
    private final Duration timeout;

    BodyReads(int maxConcurrentReads, Duration timeout) {
        if (maxConcurrentReads < ANONYMOUS_SHARE) {
            throw new IllegalArgumentException("maxConcurrentReads must be at least " + ANONYMOUS_SHARE);
        }
        // The two pools together hold maxConcurrentReads: anonymous readers take their share of it.
        this.anonymous = new Semaphore(maxConcurrentReads / ANONYMOUS_SHARE);
        this.authenticated = new Semaphore(maxConcurrentReads - maxConcurrentReads / ANONYMOUS_SHARE);
        this.timeout = requireNonNull(timeout, "timeout");
    }

    /** What is done with the body's stream, within the bounds. */
    @FunctionalInterface
    interface Reading<T> {
        T read(InputStream body) throws IOException;
    }

    /**
     * Reads the body within the bounds.
     *
     * @throws ServiceUnavailableResponse (503) when every reader of the request's kind is busy
     * @throws IOException when the client went away, broke the transfer, or missed the deadline
     */
    <T> T read(Context ctx, Reading<T> reading) throws IOException {
        return read(ctx, 1, reading);
    }

    /**
     * Reads a body that may be {@code scale} times as large as others (an upload) within the same
     * least rate: its deadline is the body read timeout times {@code scale}.
     */
    <T> T read(Context ctx, long scale, Reading<T> reading) throws IOException {
        Semaphore readers = Callers.resolvedCaller(ctx) ? authenticated : anonymous;
        if (!readers.tryAcquire()) {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            throw new ServiceUnavailableResponse("The server is reading as many request bodies as it can; retry");
        }
        Scheduler.Task deadline = null;
        try {
            deadline = closeWhenLate(ctx, scale);
            try (InputStream in = ctx.bodyInputStream()) {
                return reading.read(in);
            }
        } finally {
            if (deadline != null) {
                deadline.cancel();
            }
            readers.release();
        }
    }

    /**
     * Drops what is left of a body, up to {@code limit} bytes, within the same bounds ({@code scale} as
     * for {@link #read(Context, long, Reading)}).
     *
     * @return false when no reader was free, so nothing was read
     */
    boolean tryDrain(Context ctx, long limit, long scale) {
        Semaphore readers = Callers.resolvedCaller(ctx) ? authenticated : anonymous;
        if (!readers.tryAcquire()) {
            return false;
        }
        Scheduler.Task deadline = null;
        try {
            deadline = closeWhenLate(ctx, scale);
            try (InputStream in = ctx.bodyInputStream()) {
                byte[] buffer = new byte[64 * 1024];
                long left = limit;
                int read;
                while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                    left -= read;
                }
            }
            return true;
        } catch (IOException e) {
            // The client went away or was too slow; the refusal stands.
            return true;
        } finally {
            if (deadline != null) {
                deadline.cancel();
            }
            readers.release();
        }
    }

    private Scheduler.Task closeWhenLate(Context ctx, long scale) {
        long millis = Math.multiplyExact(timeout.toMillis(), Math.max(1, scale));
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request == null) {
            throw new IllegalStateException("Not a Jetty request: the body read deadline cannot be kept");
        }
        return request.getComponents().getScheduler().schedule(() -> request.getConnectionMetaData().getConnection()
                .getEndPoint().close(new TimeoutException("The request body took longer than " + millis + " ms")),
                millis, TimeUnit.MILLISECONDS);
    }
}
