package dev.elements.core.fake.oauth2;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Just enough JSON for fakes that may use only the JDK: a writer of compact objects, members in the order put, and a
 * strict reader of the small request bodies providers accept.
 *
 * <p>The reader gives maps (insertion-ordered), lists, strings, {@link BigDecimal}s, booleans and {@code null}.
 */
public final class FakeJson {

    private static final int MAX_DEPTH = 64;

    private final StringBuilder members = new StringBuilder();

    private FakeJson() {
    }

    /** An empty object to put members into. */
    public static FakeJson object() {
        return new FakeJson();
    }

    /** A string member; {@code null} writes JSON {@code null}. */
    public FakeJson put(String name, String value) {
        return member(name, value == null ? "null" : quote(value));
    }

    public FakeJson put(String name, long value) {
        return member(name, Long.toString(value));
    }

    public FakeJson put(String name, boolean value) {
        return member(name, Boolean.toString(value));
    }

    public FakeJson put(String name, FakeJson object) {
        return member(name, object.toString());
    }

    /** An array of objects. */
    public FakeJson putObjects(String name, List<FakeJson> objects) {
        List<String> texts = new ArrayList<>();
        objects.forEach(object -> texts.add(object.toString()));
        return member(name, "[" + String.join(",", texts) + "]");
    }

    /** An array of strings. */
    public FakeJson putStrings(String name, List<String> values) {
        List<String> texts = new ArrayList<>();
        values.forEach(value -> texts.add(quote(value)));
        return member(name, "[" + String.join(",", texts) + "]");
    }

    /** The object as compact JSON text. */
    @Override
    public String toString() {
        return "{" + members + "}";
    }

    private FakeJson member(String name, String json) {
        Objects.requireNonNull(name, "name");
        if (members.length() > 0) {
            members.append(',');
        }
        members.append(quote(name)).append(':').append(json);
        return this;
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259 section 7). */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            switch (character) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                default -> {
                    if (character < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) character));
                    } else {
                        quoted.append(character);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /**
     * Reads a JSON object.
     *
     * @throws IllegalArgumentException if the text is not exactly one JSON object
     */
    public static Map<String, Object> parseObject(String text) {
        Reader reader = new Reader(text);
        reader.skipWhitespace();
        if (reader.peek() != '{') {
            throw reader.failure("expected an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) reader.value(0);
        reader.skipWhitespace();
        if (reader.position < text.length()) {
            throw reader.failure("unexpected text after the object");
        }
        return object;
    }

    /** A recursive-descent reader of RFC 8259 JSON, depth-limited so that hostile bodies cannot overflow the stack. */
    private static final class Reader {
        private final String text;
        private int position;

        Reader(String text) {
            this.text = Objects.requireNonNull(text, "text");
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw failure("nested too deeply");
            }
            skipWhitespace();
            char next = peek();
            switch (next) {
                case '{':
                    return object(depth);
                case '[':
                    return array(depth);
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    if (next == '-' || (next >= '0' && next <= '9')) {
                        return number();
                    }
                    throw failure("unexpected character");
            }
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> members = new LinkedHashMap<>();
            position++;
            skipWhitespace();
            if (peek() == '}') {
                position++;
                return Collections.unmodifiableMap(members);
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw failure("expected a member name");
                }
                String name = string();
                skipWhitespace();
                expect(':');
                members.put(name, value(depth + 1));
                skipWhitespace();
                char separator = next();
                if (separator == '}') {
                    return Collections.unmodifiableMap(members);
                }
                if (separator != ',') {
                    throw failure("expected ',' or '}'");
                }
            }
        }

        private List<Object> array(int depth) {
            List<Object> items = new ArrayList<>();
            position++;
            skipWhitespace();
            if (peek() == ']') {
                position++;
                return Collections.unmodifiableList(items);
            }
            while (true) {
                items.add(value(depth + 1));
                skipWhitespace();
                char separator = next();
                if (separator == ']') {
                    return Collections.unmodifiableList(items);
                }
                if (separator != ',') {
                    throw failure("expected ',' or ']'");
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                char character = next();
                if (character == '"') {
                    return value.toString();
                }
                if (character < 0x20) {
                    throw failure("control character in a string");
                }
                if (character != '\\') {
                    value.append(character);
                    continue;
                }
                char escaped = next();
                switch (escaped) {
                    case '"', '\\', '/' -> value.append(escaped);
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> {
                        if (position + 4 > text.length()) {
                            throw failure("short \\u escape");
                        }
                        try {
                            value.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                        } catch (NumberFormatException notHex) {
                            throw failure("bad \\u escape");
                        }
                        position += 4;
                    }
                    default -> throw failure("bad escape");
                }
            }
        }

        private BigDecimal number() {
            int start = position;
            if (peek() == '-') {
                position++;
            }
            if (peek() == '0') {
                position++;
            } else {
                digits();
            }
            if (peek() == '.') {
                position++;
                digits();
            }
            if (peek() == 'e' || peek() == 'E') {
                position++;
                if (peek() == '+' || peek() == '-') {
                    position++;
                }
                digits();
            }
            return new BigDecimal(text.substring(start, position));
        }

        private void digits() {
            int start = position;
            while (peek() >= '0' && peek() <= '9') {
                position++;
            }
            if (position == start) {
                throw failure("expected a digit");
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, position)) {
                throw failure("unexpected word");
            }
            position += word.length();
            return value;
        }

        void skipWhitespace() {
            while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
                position++;
            }
        }

        char peek() {
            return position < text.length() ? text.charAt(position) : '\0';
        }

        private char next() {
            if (position >= text.length()) {
                throw failure("unexpected end");
            }
            return text.charAt(position++);
        }

        private void expect(char wanted) {
            if (next() != wanted) {
                position--;
                throw failure("expected '" + wanted + "'");
            }
        }

        IllegalArgumentException failure(String what) {
            return new IllegalArgumentException("Invalid JSON at offset " + position + ": " + what);
        }
    }
}
