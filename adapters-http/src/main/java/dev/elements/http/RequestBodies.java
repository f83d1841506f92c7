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
 * wrong type (400, naming them all). Hub calls take any JSON value, or none; the hub resources
 * that take uploads also take a {@code multipart/form-data} body up to the upload limit.
 */
final class RequestBodies {
    /** Refused bodies up to this many times the limit are read to their end before the answer. */
    private static final long DRAIN_FACTOR = 4;

    private static final String MULTIPART_FORM = "multipart/form-data";

    private final JsonCodec json;
    private final BodyBinding binding;
    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private final BodyReads reads;

    RequestBodies(JsonCodec json, long maxBodyBytes, long maxUploadBytes, BodyReads reads) {
        this.json = requireNonNull(json, "json");
        this.binding = new BodyBinding(json.mapper());
        this.maxBodyBytes = maxBodyBytes;
        this.maxUploadBytes = maxUploadBytes;
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
        // A request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112, 6.3):
        // a GET, most often, which need not wait for a body-reading slot to learn that.
        if (declared == 0 || declared < 0 && ctx.header("Transfer-Encoding") == null) {
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
     * The body exactly as sent, whatever its type, under the body limit (413): for provider
     * webhooks, whose signatures are over these bytes, and the forms providers post.
     */
    byte[] raw(Context ctx) {
        return read(ctx);
    }

    /**
     * An upload as sent, for a hub resource that takes uploads (the hub has said so): its own
     * {@code Content-Type} is passed on with it, and it must fit the upload limit (413 naming it).
     * It gets the time a body of its size takes at the rate every body must keep.
     */
    byte[] upload(Context ctx) {
        return read(ctx, maxUploadBytes);
    }

    /** Whether the body is declared a {@code multipart/form-data} form, whatever its boundary. */
    static boolean isMultipartForm(String contentType) {
        return contentType != null
                && contentType.split(";", 2)[0].trim().equalsIgnoreCase(MULTIPART_FORM);
    }

    /**
     * Refuses a declared length over the limit before anything is read; used for every matched
     * request once its caller is resolved, so that no route reads a body it was never meant to get,
     * and an anonymous client's body is not read at all where the route needs credentials. A
     * multipart body on a route that may take uploads is held to the upload limit here; whether its
     * resource takes one is checked before any of it is read.
     */
    void refuseDeclaredOversize(Context ctx) {
        long limit = ctx.routeRoles().contains(BodyLimit.UPLOADS) && isMultipartForm(ctx.contentType())
                ? Math.max(maxBodyBytes, maxUploadBytes)
                : maxBodyBytes;
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            if (declared <= drainLimit(limit)) {
                drain(ctx, limit);
            }
            throw tooLarge(limit);
        }
    }

    /**
     * Reads and drops what is left of a refused body, up to a few times the limit. A server that
     * closes a connection with unread request bytes makes the client's TCP stack reset it, and the
     * reset can destroy the 413 before the client reads it; a body far larger is cut off anyway.
     */
    private void drain(Context ctx, long limit) {
        // When every reader is busy the body stays unread: the 413 may then be lost to a reset, but
        // no thread waits for a client that may never send it.
        reads.tryDrain(ctx, drainLimit(limit), scale(limit));
    }

    /** A few times the limit, but never more than a few body limits past it: a huge upload is cut off. */
    private long drainLimit(long limit) {
        return Math.min(limit * DRAIN_FACTOR, limit + maxBodyBytes * DRAIN_FACTOR);
    }

    /** How many times the body limit {@code limit} is, rounded up: the factor of its read deadline. */
    private long scale(long limit) {
        return (limit + maxBodyBytes - 1) / maxBodyBytes;
    }

    private byte[] read(Context ctx) {
        return read(ctx, maxBodyBytes);
    }

    /** Reads at most one byte more than the limit, so an undeclared (chunked) oversize body is cut off too. */
    private byte[] read(Context ctx, long limit) {
        // A declared oversize was refused before the route ran (HttpApi's before-matched handler).
        byte[] bytes;
        try {
            bytes = reads.read(ctx, scale(limit),
                    in -> in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1)));
        } catch (IOException e) {
            // The client went away or broke the transfer encoding; no answer will reach it anyway.
            throw new PlatformException(ErrorCode.MALFORMED_REQUEST, "The request body could not be read completely");
        }
        if (bytes.length > limit) {
            drain(ctx, limit);
            throw tooLarge(limit);
        }
        return bytes;
    }

    private ContentTooLargeResponse tooLarge(long limit) {
        return new ContentTooLargeResponse(limit == maxBodyBytes
                ? "The request body is larger than " + maxBodyBytes + " bytes"
                : "The upload is larger than " + limit + " bytes, the limit of uploads");
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
