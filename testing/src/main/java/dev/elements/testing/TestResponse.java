package dev.elements.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;

/** An answer as a client sees it, with the API's error body and request id at hand. */
public record TestResponse(int status, HttpHeaders headers, String body) {
    public static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("Not JSON (" + status + "): " + body, e);
        }
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The {@code Elements-Request-Id} every answer of the API carries. */
    public String requestId() {
        return header("Elements-Request-Id");
    }

    /** The {@code message} of the API's error body. */
    public String message() {
        return json().path("message").asText();
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
