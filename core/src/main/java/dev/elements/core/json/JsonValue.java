package dev.elements.core.json;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A JSON value, or {@link JsonMissing} where navigation found none. Navigation and the readers
 * never throw: a wrong type or an absent member gives {@link JsonMissing} or the fallback.
 */
public sealed interface JsonValue
        permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull, JsonMissing {

    default boolean isObject() {
        return this instanceof JsonObject;
    }

    default boolean isArray() {
        return this instanceof JsonArray;
    }

    default boolean isText() {
        return this instanceof JsonString;
    }

    default boolean isNumber() {
        return this instanceof JsonNumber;
    }

    default boolean isBoolean() {
        return this instanceof JsonBoolean;
    }

    default boolean isNull() {
        return this instanceof JsonNull;
    }

    default boolean isMissing() {
        return this instanceof JsonMissing;
    }

    /** A string, number or boolean. */
    default boolean isValue() {
        return isText() || isNumber() || isBoolean();
    }

    /** The member's value; {@link JsonMissing} when absent or when this is not an object. */
    default JsonValue path(String member) {
        return JsonMissing.INSTANCE;
    }

    /** The item at the index; {@link JsonMissing} when out of range or when this is not an array. */
    default JsonValue path(int index) {
        return JsonMissing.INSTANCE;
    }

    /**
     * The value a JSON Pointer (RFC 6901) names from here: {@code ""} is this value,
     * {@code "/data/0/id"} a member of an item of a member; {@code ~1} stands for {@code /} and
     * {@code ~0} for {@code ~} in member names. {@link JsonMissing} when nothing is there or the
     * pointer is malformed.
     */
    default JsonValue at(String jsonPointer) {
        return JsonPointer.resolve(this, jsonPointer);
    }

    /** A string's value, a number's or boolean's JSON text; null for anything else. */
    default String text() {
        if (this instanceof JsonString) {
            return ((JsonString) this).value();
        }
        if (this instanceof JsonNumber) {
            return ((JsonNumber) this).raw();
        }
        if (this instanceof JsonBoolean) {
            return ((JsonBoolean) this).value() ? "true" : "false";
        }
        return null;
    }

    default String textOr(String fallback) {
        String text = text();
        return text == null ? fallback : text;
    }

    /** A non-blank string, or a number's text; empty for anything else. */
    default Optional<String> textIfAny() {
        if (this instanceof JsonNumber || this instanceof JsonString && !((JsonString) this).value().isBlank()) {
            return Optional.of(text());
        }
        return Optional.empty();
    }

    /**
     * A number that is exactly a long ({@code 12}, {@code 1.0}, {@code 1e3}), or a string holding
     * one ({@code "12"}, as providers write ids); the fallback for anything else.
     */
    default long longOr(long fallback) {
        Long value = exactLong();
        return value == null ? fallback : value;
    }

    /** As {@link #longOr(long)}, for values that fit in an int. */
    default int intOr(int fallback) {
        Long value = exactLong();
        return value == null || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? fallback : value.intValue();
    }

    private Long exactLong() {
        try {
            if (this instanceof JsonNumber) {
                return ((JsonNumber) this).longValue();
            }
            if (this instanceof JsonString) {
                return Long.parseLong(((JsonString) this).value());
            }
        } catch (ArithmeticException | NumberFormatException notALong) {
            return null;
        }
        return null;
    }

    /** A boolean's value; the fallback for anything else (strings included). */
    default boolean booleanOr(boolean fallback) {
        return this instanceof JsonBoolean ? ((JsonBoolean) this).value() : fallback;
    }

    /** This value with every object member whose value is null removed, at any depth. */
    default JsonValue withoutNullMembers() {
        return this;
    }

    /**
     * Compact JSON in UTF-8: no whitespace, {@code "}, {@code \} and control characters escaped.
     *
     * @throws IllegalStateException if this is, or holds, {@link JsonMissing}
     */
    default byte[] toJsonBytes() {
        return JsonWriter.write(this);
    }

    /** {@link #toJsonBytes()} as a string. */
    default String toJson() {
        return new String(toJsonBytes(), StandardCharsets.UTF_8);
    }
}
