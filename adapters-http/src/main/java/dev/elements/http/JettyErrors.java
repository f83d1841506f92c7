package dev.elements.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before Javalin sees the request: headers too large, an unparseable
 * request line, 503 while stopping. They get the same JSON error body and request id as
 * everything else, with the status' reason phrase, never Jetty's message (which may quote the
 * request).
 */
final class JettyErrors extends ErrorHandler {
    private final JsonCodec json;
    private final RequestIds requestIds;

    JettyErrors(JsonCodec json, RequestIds requestIds) {
        this.json = requireNonNull(json, "json");
        this.requestIds = requireNonNull(requestIds, "requestIds");
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        String requestId = requestIds.next();
        addHeaders(response.getHeaders(), requestId);
        response.write(true, ByteBuffer.wrap(body(code, requestId)), callback);
    }

    private static void addHeaders(HttpFields.Mutable headers, String requestId) {
        headers.put("Content-Type", JsonCodec.CONTENT_TYPE);
        headers.put(RequestIds.HEADER, requestId);
    }

    private byte[] body(int status, String requestId) {
        String message = status == HttpStatus.SERVICE_UNAVAILABLE_503
                ? "The server is stopping; retry the request"
                : HttpStatus.getMessage(status);
        try {
            return json.mapper().writeValueAsBytes(new ErrorBody(requestId, message, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The error body could not be serialized", e);
        }
    }
}
