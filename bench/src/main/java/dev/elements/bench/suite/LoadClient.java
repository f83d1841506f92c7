package dev.elements.bench.suite;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection, as lean as a load generator should be: requests are bytes
 * prepared once, answers are read only as far as status, headers and body length. A general
 * client (the JDK's) spends more per request than the servers it measures, and all three share
 * two cores here. Reconnects when the server closes the connection.
 */
public final class LoadClient implements AutoCloseable {
    private final InetSocketAddress address;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public LoadClient(int port) {
        this.address = new InetSocketAddress("127.0.0.1", port);
    }

    /** A GET with the given extra header lines (each {@code Name: value}). */
    public static byte[] get(String pathAndQuery, String... headers) {
        return request("GET", pathAndQuery, null, headers);
    }

    static byte[] post(String path, String contentType, String body, String... headers) {
        String[] all = new String[headers.length + 1];
        System.arraycopy(headers, 0, all, 0, headers.length);
        all[headers.length] = "Content-Type: " + contentType;
        return request("POST", path, body.getBytes(StandardCharsets.UTF_8), all);
    }

    private static byte[] request(String method, String pathAndQuery, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(pathAndQuery)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        if (body == null) {
            return headBytes;
        }
        byte[] whole = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, whole, 0, headBytes.length);
        System.arraycopy(body, 0, whole, headBytes.length, body.length);
        return whole;
    }

    /** Sends a prepared request and reads the whole answer. */
    public Answer send(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            return readAnswer();
        } catch (IOException closedMeanwhile) {
            // A keep-alive connection the server closed while idle: once more on a new one.
            close();
            connect();
            out.write(request);
            out.flush();
            return readAnswer();
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 5_000);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    private Answer readAnswer() throws IOException {
        String statusLine = line();
        if (statusLine.isEmpty()) {
            throw new IOException("Connection closed before an answer");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closes = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                copy(size, body);
                line();
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers are not used by any server measured here
            }
        } else if (length >= 0) {
            copy(length, body);
        }
        if (closes) {
            close();
        }
        return new Answer(status, body.toByteArray());
    }

    private void copy(long count, ByteArrayOutputStream into) throws IOException {
        byte[] buffer = new byte[8192];
        long left = count;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("Connection closed in the middle of a body");
            }
            into.write(buffer, 0, read);
            left -= read;
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return line.toString();
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection we no longer use
            }
            socket = null;
        }
    }

    public record Answer(int status, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
