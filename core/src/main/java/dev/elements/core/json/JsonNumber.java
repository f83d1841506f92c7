package dev.elements.core.json;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * A JSON number, kept as the literal was written ({@code -0}, {@code 1.50}, {@code 2E+3}, an id
 * longer than a long), so that writing it back changes nothing and no precision is lost before a
 * reader asks for a type. Two numbers are equal when their literals are.
 */
public record JsonNumber(String raw) implements JsonValue {
    /** The longest literal of digits alone (and a sign) that always fits in a long. */
    private static final int ALWAYS_A_LONG = 18;

    /** @throws IllegalArgumentException if {@code raw} is not a JSON number literal (RFC 8259) */
    public JsonNumber {
        requireNonNull(raw, "raw");
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        try {
            if (bytes.length == 0 || JsonParser.endOfNumber(bytes, 0) != bytes.length) {
                throw new IllegalArgumentException("not a JSON number literal");
            }
        } catch (JsonSyntaxException notANumber) {
            throw new IllegalArgumentException("not a JSON number literal: " + notANumber.getMessage(), notANumber);
        }
    }

    public static JsonNumber of(long value) {
        return new JsonNumber(Long.toString(value));
    }

    public static JsonNumber of(BigDecimal value) {
        return new JsonNumber(value.toString());
    }

    /** The exact value. */
    public BigDecimal decimal() {
        return new BigDecimal(raw);
    }

    /**
     * The value as a long.
     *
     * @throws ArithmeticException if it has a fraction or does not fit in a long
     */
    public long longValue() {
        if (raw.length() <= ALWAYS_A_LONG && isDigitsOnly()) {
            return Long.parseLong(raw);
        }
        return decimal().longValueExact();
    }

    private boolean isDigitsOnly() {
        for (int i = raw.charAt(0) == '-' ? 1 : 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
