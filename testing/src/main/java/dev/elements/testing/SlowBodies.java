package dev.elements.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Connections that promise a request body and then send it one byte at a time, as a slow or
 * hostile client does. They come from a loopback address of their own (Linux routes all of
 * 127.0.0.0/8 to the loopback interface), so that a server's throttling of that address leaves the
 * test's own client alone. Bounded by the caller's count; {@link #close()} closes every one.
 */
public final class SlowBodies implements AutoCloseable {
    /** The address the slow connections come from. */
    public static final String SOURCE = "127.0.0.2";

    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();

    /** Sends the request line and headers promising {@code length} bytes, and the body's first byte. */
    public Socket open(int port, String method, String path, String authorization, long length) throws IOException {
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(length).append("\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        head.append("\r\n{");
        Socket socket = new Socket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(SOURCE, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** From now on, one more byte on every open connection each {@code period}. */
    public void drip(Duration period) {
        drip.scheduleWithFixedDelay(this::oneByteEach, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void oneByteEach() {
        for (Socket socket : sockets) {
            if (!socket.isClosed()) {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(' ');
                    out.flush();
                } catch (IOException e) {
                    // The server gave up on this one, as it should.
                    closeQuietly(socket);
                }
            }
        }
    }

    @Override
    public void close() {
        drip.shutdownNow();
        sockets.forEach(SlowBodies::closeQuietly);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed by the server.
        }
    }
}
