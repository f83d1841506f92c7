package dev.elements.core.json;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Parses JSON text (RFC 8259, strictly: no comments, trailing commas, NaN or leading zeros;
 * whitespace around the value, nothing after it) into a {@link JsonValue}. Write with
 * {@link JsonValue#toJson()}.
 */
public final class Json {
    /** How deeply arrays and objects may nest; deeper input is refused rather than risk the stack. */
    public static final int MAX_DEPTH = 500;

    private Json() {
    }

    /** @throws JsonSyntaxException if the bytes are not one JSON value in UTF-8 */
    public static JsonValue parse(byte[] utf8) {
        return JsonParser.parse(requireNonNull(utf8, "utf8"));
    }

    /** @throws JsonSyntaxException if the text is not one JSON value */
    public static JsonValue parse(String json) {
        return parse(requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8));
    }

    /** The value, or empty when the bytes are empty, blank or not JSON (a provider's odd answer). */
    public static Optional<JsonValue> tryParse(byte[] utf8) {
        try {
            return Optional.of(parse(utf8));
        } catch (JsonSyntaxException notJson) {
            return Optional.empty();
        }
    }
}
