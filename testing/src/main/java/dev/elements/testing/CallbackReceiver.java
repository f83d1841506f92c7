package dev.elements.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An application's callback endpoint for tests of outbound webhooks: a real HTTP server on a
 * random loopback port that records every request (headers and the exact body bytes) and answers
 * 200, unless told to fail the next requests with a status or to hang them until released. Tests
 * wait for what arrived with {@link #awaitReceived} and {@link #awaitAccepted}, never with sleeps.
 */
public final class CallbackReceiver implements AutoCloseable {
    private static final int THREADS = 16;

    /**
     * One request as it arrived.
     *
     * @param headers the headers with lower-case names, the first value of each
     * @param answered the status it was answered with; 0 for a request that was hung (and answered 503 when
     *     released, if its client still waited)
     */
    public record Received(String method, String path, Map<String, String> headers, byte[] body, int answered) {
        public Received {
            headers = Map.copyOf(headers);
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The header's value, or null; {@code name} in any case. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** Whether the receiver accepted it (2xx), as a delivery counts it. */
        public boolean accepted() {
            return answered >= 200 && answered < 300;
        }
    }

    private final Object lock = new Object();
    private final List<Received> received = new ArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor;
    private int failuresLeft;
    private int failureStatus;
    private int hangsLeft;
    private CountDownLatch hung = new CountDownLatch(1);

    private CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "callback-receiver");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** A receiver listening on a free port of the loopback address, answering 200 to everything. */
    public static CallbackReceiver start() {
        try {
            CallbackReceiver receiver = new CallbackReceiver();
            receiver.server.start();
            return receiver;
        } catch (IOException cannotListen) {
            throw new UncheckedIOException("The callback receiver could not listen on loopback", cannotListen);
        }
    }

    /** The address of {@code path} on this receiver, e.g. {@code url("/hooks/a")}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers the next {@code count} requests with {@code status} instead of 200. */
    public void failNext(int count, int status) {
        synchronized (lock) {
            failuresLeft = count;
            failureStatus = status;
        }
    }

    /**
     * Holds the next {@code count} requests without answering until {@link #release()} or
     * {@link #close()}, then answers them 503: a hung request is never an accepted one.
     */
    public void hangNext(int count) {
        synchronized (lock) {
            hangsLeft = count;
        }
    }

    /** Lets every hung request go (its client has usually given up by then) and hangs no more. */
    public void release() {
        synchronized (lock) {
            hangsLeft = 0;
            hung.countDown();
            hung = new CountDownLatch(1);
        }
    }

    /** Everything received so far, in order of arrival, hung requests included. */
    public List<Received> received() {
        synchronized (lock) {
            return List.copyOf(received);
        }
    }

    /** The requests received on {@code path} (without the query), in order. */
    public List<Received> receivedOn(String path) {
        return received().stream().filter(request -> request.path().equals(path)).toList();
    }

    /** The requests answered 2xx, in order. */
    public List<Received> accepted() {
        return received().stream().filter(Received::accepted).toList();
    }

    /** Waits until at least {@code count} requests arrived, whatever they were answered. */
    public List<Received> awaitReceived(int count, Duration deadline) {
        Await.until(count + " requests at the callback receiver (" + received().size() + " so far)", deadline,
                () -> received().size() >= count);
        return received();
    }

    /** Waits until at least {@code count} requests were accepted (answered 2xx). */
    public List<Received> awaitAccepted(int count, Duration deadline) {
        Await.until(count + " accepted requests at the callback receiver", deadline,
                () -> accepted().size() >= count);
        return accepted();
    }

    /** Stops listening; hung requests are let go first. */
    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                    .filter(header -> !header.getValue().isEmpty())
                    .collect(Collectors.toMap(header -> header.getKey().toLowerCase(Locale.ROOT),
                            header -> header.getValue().get(0), (first, second) -> first));
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            int status;
            CountDownLatch hangUntil = null;
            synchronized (lock) {
                if (hangsLeft > 0) {
                    hangsLeft--;
                    hangUntil = hung;
                    status = 0;
                } else if (failuresLeft > 0) {
                    failuresLeft--;
                    status = failureStatus;
                } else {
                    status = 200;
                }
                received.add(new Received(method, path, headers, body, status));
            }
            if (hangUntil != null) {
                awaitRelease(hangUntil);
                status = 503;
            }
            byte[] answer = (status == 200 ? "ok" : "failing on purpose").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static void awaitRelease(CountDownLatch released) {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
