package dev.elements.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.error.RequestValues;
import io.javalin.http.Context;
import java.io.IOException;

/** Reads request JSON and writes response JSON, always UTF-8. */
final class JsonCodec {
    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();
    private final ObjectReader treeReader = mapper.readerFor(JsonNode.class);

    ObjectMapper mapper() {
        return mapper;
    }

    /** Sets the response: status, JSON content type, and the body serialized now, so failures surface here. */
    void respond(Context ctx, int status, Object body) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A response view could not be serialized: " + body.getClass().getName(),
                    e);
        }
        ctx.status(status).contentType(CONTENT_TYPE).result(bytes);
    }

    /**
     * Parses a request body. The message of a refusal says where the JSON broke, never what it
     * contained: bodies carry secrets and messages end up in logs.
     */
    JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new PlatformException(ErrorCode.MALFORMED_REQUEST, "The request body is empty; send a JSON object");
        }
        try {
            JsonNode tree = treeReader.readValue(body);
            if (tree == null || tree.isMissingNode()) {
                throw new PlatformException(ErrorCode.MALFORMED_REQUEST,
                        "The request body is empty; send a JSON object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new PlatformException(ErrorCode.MALFORMED_REQUEST, "The request body is not valid JSON"
                    + where(e.getLocation()) + ": " + problem(e));
        } catch (IOException e) {
            throw new PlatformException(ErrorCode.MALFORMED_REQUEST, "The request body could not be read as JSON");
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The kind of problem in Jackson's words, cut before any quoted excerpt of the input. */
    private static String problem(JsonProcessingException e) {
        String original = e.getOriginalMessage();
        if (original == null) {
            return "syntax error";
        }
        if (original.startsWith("Duplicate field")) {
            // Names a field, which the client chose: by a short, cleaned prefix only.
            int open = original.indexOf('\'');
            int close = original.lastIndexOf('\'');
            return open >= 0 && close > open
                    ? "Duplicate field " + RequestValues.quote(original.substring(open + 1, close))
                    : "Duplicate field";
        }
        if (original.startsWith("Unexpected end-of-input")) {
            return "unexpected end of input";
        }
        if (original.startsWith("Trailing token") || original.contains("trailing token")) {
            return "unexpected content after the JSON value";
        }
        if (original.startsWith("Unexpected character")) {
            return "unexpected character";
        }
        if (original.startsWith("Unrecognized token")) {
            return "unrecognized token";
        }
        return "syntax error";
    }
}
