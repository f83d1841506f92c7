package dev.elements.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Configuration values that came as JSON objects or arrays: they are stored as their compact JSON
 * text ({@link BodyBinding.ConfigurationText}) and shown as JSON again, so that a client reads back
 * the shape it sent.
 */
final class StructuredValues {
    /** Strict about the end, so that {@code {}x}, which no client sent as JSON, stays text. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StructuredValues() {
    }

    /** The object or array {@code value} spells, or {@code value} itself when it spells neither. */
    static Object parsed(String value) {
        if (value == null || value.isEmpty() || (value.charAt(0) != '{' && value.charAt(0) != '[')) {
            return value;
        }
        try {
            JsonNode node = MAPPER.readTree(value);
            return node.isContainerNode() ? node : value;
        } catch (JsonProcessingException notJson) {
            return value;
        }
    }
}
