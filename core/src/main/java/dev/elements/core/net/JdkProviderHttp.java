package dev.elements.core.net;

import static java.util.Objects.requireNonNull;

import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.ProviderHttp;
import dev.elements.core.port.out.ProviderHttpRequest;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The default outbound HTTP: one pooled JDK client for the whole process. The request's timeout
 * bounds the whole exchange, body included, and answers are read up to a size limit only, so a
 * provider that drips or floods its answer costs a bounded time and memory. Failures are reported
 * without the URL, since provider URLs may carry tokens.
 */
public final class JdkProviderHttp implements ProviderHttp {
    /** The default limit on one answer: far above any Graph page, far below what hurts the heap. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 8L * 1024 * 1024;
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "host", "expect", "upgrade");

    /**
     * Ends the answers still being read at their request's timeout: the JDK's own timeout covers
     * only the wait for the headers. One daemon thread for the process; a deadline met is removed.
     */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final HttpClient client;
    private final long maxResponseBytes;

    /**
     * @param maxResponseBytes the largest answer body read; a larger one fails the call with
     *     {@link ProviderErrorClass#TOO_LARGE}
     */
    public JdkProviderHttp(Duration connectTimeout, long maxResponseBytes) {
        if (maxResponseBytes < 1 || maxResponseBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxResponseBytes must be between 1 and " + (Integer.MAX_VALUE - 8));
        }
        this.maxResponseBytes = maxResponseBytes;
        this.client = HttpClient.newBuilder()
                .connectTimeout(requireNonNull(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                // The client's own steps (parsing, handing the body on) run where they arise, on its
                // selector thread, instead of hopping to a pool thread each: twice the calls per
                // second on two cores. Safe because nothing they run blocks: bodies are byte arrays
                // in and a capped byte array out.
                .executor(Runnable::run)
                .build();
    }

    public JdkProviderHttp(Duration connectTimeout) {
        this(connectTimeout, DEFAULT_MAX_RESPONSE_BYTES);
    }

    public JdkProviderHttp() {
        this(Duration.ofSeconds(5));
    }

    @Override
    public ProviderHttpResponse send(ProviderHttpRequest request) {
        // The JDK's own timeout covers only the wait for the headers; DEADLINES bounds the rest.
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(request.timeout());
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        byte[] body = request.body();
        builder.method(request.method(), body.length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        CappedBody.Handler handler = new CappedBody.Handler(maxResponseBytes);
        // The synchronous send: sendAsync hands each answer to CompletableFuture's default
        // executor, which on a machine of one or two cores starts a new thread per answer.
        ScheduledFuture<?> deadline = DEADLINES.schedule(handler::expire, request.timeout().toNanos(),
                TimeUnit.NANOSECONDS);
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), handler);
            return new ProviderHttpResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            handler.abort();
            Thread.currentThread().interrupt();
            throw failure(ProviderErrorClass.TRANSIENT, "the call to the provider was interrupted", request);
        } catch (IOException e) {
            if (handler.expired()) {
                throw failure(ProviderErrorClass.TIMEOUT, "the provider did not answer in time", request);
            }
            throw translate(e, request);
        } finally {
            deadline.cancel(false);
        }
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "elements-provider-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private ProviderException translate(Throwable cause, ProviderHttpRequest request) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CappedBody.TooLarge) {
                return new ProviderException(ProviderError.silent(ProviderErrorClass.TOO_LARGE),
                        "the provider's answer was larger than the limit of " + maxResponseBytes + " bytes ("
                                + request + ")", null);
            }
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return failure(ProviderErrorClass.TRANSIENT, "could not connect to the provider in time", request);
        }
        if (cause instanceof HttpTimeoutException) {
            return failure(ProviderErrorClass.TIMEOUT, "the provider did not answer in time", request);
        }
        return failure(ProviderErrorClass.TRANSIENT, "the provider could not be reached or closed the connection",
                request);
    }

    private static ProviderException failure(ProviderErrorClass errorClass, String what, ProviderHttpRequest request) {
        // request.toString() names the host and path only, never the query.
        return new ProviderException(ProviderError.silent(errorClass), what + " (" + request + ")", null);
    }
}
