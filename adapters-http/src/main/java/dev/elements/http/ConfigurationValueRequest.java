package dev.elements.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;

/**
 * The body of {@code PATCH /instances/{id}/configuration/{configId}}. Cloud Elements clients send
 * the whole entry back with a new {@code propertyValue}; only that field is read. Numbers and
 * booleans are taken in their JSON spelling, as in {@code POST /instances}; {@code null} clears the
 * value.
 */
final class ConfigurationValueRequest {
    static final String FIELD = "propertyValue";

    private ConfigurationValueRequest() {
    }

    /** @throws PlatformException (400) when {@code propertyValue} is missing or neither text, number nor boolean */
    static String value(ObjectNode body) {
        if (!body.has(FIELD)) {
            throw new PlatformException(ErrorCode.MISSING_FIELD, "Missing required field: " + FIELD);
        }
        JsonNode value = body.get(FIELD);
        if (value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        throw new PlatformException(ErrorCode.INVALID_FIELD, FIELD + " must be a string");
    }
}
