package dev.elements.core.service;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application's event callback on a loopback port: records what it receives, answers 503 to
 * the first {@link #failNext(int)} deliveries and 200 afterwards, or holds its answer until
 * released, as a slow application would.
 */
final class CallbackReceiver implements AutoCloseable {
    /** One POST as it arrived: the exact body bytes and the headers (names as sent, lists of values). */
    record Received(byte[] body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile CountDownLatch hold = new CountDownLatch(0);

    CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/events", exchange -> {
            received.add(new Received(exchange.getRequestBody().readAllBytes(), Map.copyOf(exchange.getRequestHeaders())));
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            boolean fail = failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
            exchange.sendResponseHeaders(fail ? 503 : 200, -1);
            exchange.close();
        });
        server.start();
    }

    /** The callback URL, with a query, as applications often add one. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events?app=1";
    }

    CallbackReceiver failNext(int deliveries) {
        failuresLeft.set(deliveries);
        return this;
    }

    /** Holds every answer until the returned latch is counted down (or the receiver closes). */
    CountDownLatch holdAnswers() {
        hold = new CountDownLatch(1);
        return hold;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        hold.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
