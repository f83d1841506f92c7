package dev.elements.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A {@code multipart/form-data} body (RFC 7578) built as a browser or curl's {@code -F} sends one:
 * fields and files, each in its part, with CRLF line ends and a closing boundary.
 */
public final class MultipartBody {
    private final String boundary;
    private final ByteArrayOutputStream parts = new ByteArrayOutputStream();

    private MultipartBody(String boundary) {
        this.boundary = boundary;
    }

    public static MultipartBody withBoundary(String boundary) {
        return new MultipartBody(boundary);
    }

    public static MultipartBody create() {
        return withBoundary("------------------------e94f377a15b0500f");
    }

    public MultipartBody field(String name, String value) {
        return part("Content-Disposition: form-data; name=\"" + name + "\"\r\n",
                value.getBytes(StandardCharsets.UTF_8));
    }

    public MultipartBody file(String name, String filename, String contentType, byte[] content) {
        return part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n", content);
    }

    /** A part with these headers (each ending in CRLF) exactly as given. */
    public MultipartBody part(String headers, byte[] content) {
        write(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
        write(content);
        write("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The body with its closing boundary. */
    public byte[] bytes() {
        ByteArrayOutputStream closed = new ByteArrayOutputStream();
        closed.writeBytes(parts.toByteArray());
        closed.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return closed.toByteArray();
    }

    private void write(byte[] bytes) {
        parts.writeBytes(bytes);
    }
}
