package dev.elements.app.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads JSON text a test got inside another JSON value. */
final class ElementsApiJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ElementsApiJson() {
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
