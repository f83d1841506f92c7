package dev.elements.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.UnsupportedMediaTypeResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Turns a request body into a JSON object and binds it to its request record, refusing in this
 * order: not JSON (415), too large (413), not parseable (400), not an object (400), fields of a
 * wrong type (400, naming them all). Hub calls take any JSON value, or none.
 */
final class RequestBodies {
    /** Refused bodies up to this many times the limit are read to their end before the answer. */
    private static final long DRAIN_FACTOR = 4;

    private final JsonCodec json;
    private final BodyBinding binding;
    private final long maxBodyBytes;
    private final BodyReads reads;

    RequestBodies(JsonCodec json, long maxBodyBytes, BodyReads reads) {
        this.json = requireNonNull(json, "json");
        this.binding = new BodyBinding(json.mapper());
        this.maxBodyBytes = maxBodyBytes;
        this.reads = requireNonNull(reads, "reads");
    }

    /** @throws PlatformException (400) naming every field of a wrong type, after the refusals of {@link #object} */
    <T> T bind(Context ctx, Class<T> type) {
        return binding.bind(object(ctx), type);
    }

    ObjectNode object(Context ctx) {
        requireJson(ctx.contentType());
        JsonNode tree = json.parse(read(ctx));
        if (!(tree instanceof ObjectNode object)) {
            throw new PlatformException(ErrorCode.MALFORMED_REQUEST,
                    "The request body must be a JSON object, not " + kind(tree));
        }
        return object;
    }

    /**
     * The body as sent, for passing on unchanged (hub calls): empty when there is none, whatever
     * the content type says; otherwise it must be declared JSON (415), fit the limit (413) and
     * parse as one JSON value of any kind (400), so that no provider is sent what it would
     * misread.
     */
    byte[] optionalJson(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared == 0) {
            return new byte[0];
        }
        byte[] bytes = read(ctx);
        if (bytes.length == 0) {
            return bytes;
        }
        requireJson(ctx.contentType());
        json.parse(bytes);
        return bytes;
    }

    /**
     * Refuses a declared length over the limit before anything is read; used for every matched
     * request once its caller is resolved, so that no route reads a body it was never meant to get,
     * and an anonymous client's body is not read at all where the route needs credentials.
     */
    void refuseDeclaredOversize(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) {
            if (declared <= drainLimit()) {
                drain(ctx);
            }
            throw tooLarge();
        }
    }

    /**
     * Reads and drops what is left of a refused body, up to a few times the limit. A server that
     * closes a connection with unread request bytes makes the client's TCP stack reset it, and the
     * reset can destroy the 413 before the client reads it; a body far larger is cut off anyway.
     */
    private void drain(Context ctx) {
        // When every reader is busy the body stays unread: the 413 may then be lost to a reset, but
        // no thread waits for a client that may never send it.
        reads.tryDrain(ctx, drainLimit());
    }

    private long drainLimit() {
        return maxBodyBytes * DRAIN_FACTOR;
    }

    /** Reads at most one byte more than the limit, so an undeclared (chunked) oversize body is cut off too. */
    private byte[] read(Context ctx) {
        // A declared oversize was refused before the route ran (HttpApi's before-matched handler).
        byte[] bytes;
        try {
            bytes = reads.read(ctx, in -> in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1)));
        } catch (IOException e) {
            // The client went away or broke the transfer encoding; no answer will reach it anyway.
            throw new PlatformException(ErrorCode.MALFORMED_REQUEST, "The request body could not be read completely");
        }
        if (bytes.length > maxBodyBytes) {
            drain(ctx);
            throw tooLarge();
        }
        return bytes;
    }

    private ContentTooLargeResponse tooLarge() {
        return new ContentTooLargeResponse("The request body is larger than " + maxBodyBytes + " bytes");
    }

    static void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new UnsupportedMediaTypeResponse("Send the body as Content-Type: application/json");
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            throw new UnsupportedMediaTypeResponse("Send the body as Content-Type: application/json");
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String value = parameter.substring(equals + 1).trim().replace("\"", "");
            if (name.equals("charset") && !value.equalsIgnoreCase("utf-8") && !value.equalsIgnoreCase("utf8")) {
                throw new UnsupportedMediaTypeResponse("JSON bodies must be UTF-8 (charset=utf-8)");
            }
        }
    }

    private static String kind(JsonNode tree) {
        return switch (tree.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + tree.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
