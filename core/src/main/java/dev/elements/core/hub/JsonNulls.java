package dev.elements.core.hub;

import java.nio.charset.StandardCharsets;

/**
 * {@code filter.response.nulls}: removes object members whose value is {@code null} from a JSON
 * document, at any depth, and leaves everything else as it was (array elements keep their places,
 * numbers and strings their exact text). Core has no JSON library, so this is a small parser of
 * its own; a body that is not JSON is returned untouched.
 */
public final class JsonNulls {
    private final String text;
    private int position;
    private final StringBuilder out;

    private JsonNulls(String text) {
        this.text = text;
        this.out = new StringBuilder(text.length());
    }

    public static byte[] strip(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        try {
            JsonNulls stripper = new JsonNulls(text);
            stripper.value();
            stripper.whitespace();
            if (stripper.position != text.length()) {
                return json;
            }
            return stripper.out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException notJson) {
            return json;
        }
    }

    private void value() {
        whitespace();
        char next = peek();
        switch (next) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> out.append(string());
            default -> out.append(literal());
        }
    }

    private void object() {
        expect('{');
        out.append('{');
        whitespace();
        boolean first = true;
        if (peek() == '}') {
            position++;
            out.append('}');
            return;
        }
        while (true) {
            whitespace();
            String name = string();
            whitespace();
            expect(':');
            whitespace();
            if (text.startsWith("null", position) && !Character.isLetterOrDigit(charAt(position + 4))) {
                position += 4;
            } else {
                if (!first) {
                    out.append(',');
                }
                out.append(name).append(':');
                value();
                first = false;
            }
            whitespace();
            char separator = text.charAt(position++);
            if (separator == '}') {
                out.append('}');
                return;
            }
            if (separator != ',') {
                throw new IllegalArgumentException("Expected , or }");
            }
        }
    }

    private void array() {
        expect('[');
        out.append('[');
        whitespace();
        if (peek() == ']') {
            position++;
            out.append(']');
            return;
        }
        while (true) {
            value();
            whitespace();
            char separator = text.charAt(position++);
            if (separator == ']') {
                out.append(']');
                return;
            }
            if (separator != ',') {
                throw new IllegalArgumentException("Expected , or ]");
            }
            out.append(',');
        }
    }

    /** A string literal, returned exactly as written (escapes included). */
    private String string() {
        int start = position;
        expect('"');
        while (true) {
            char next = text.charAt(position++);
            if (next == '\\') {
                position++;
            } else if (next == '"') {
                return text.substring(start, position);
            } else if (next < 0x20) {
                throw new IllegalArgumentException("Control character in a string");
            }
        }
    }

    /** A number, {@code true}, {@code false} or {@code null}, exactly as written. */
    private String literal() {
        int start = position;
        while (position < text.length() && "+-.eE0123456789truefalsn".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        String literal = text.substring(start, position);
        boolean word = literal.equals("true") || literal.equals("false") || literal.equals("null");
        if (!word && !literal.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            throw new IllegalArgumentException("Not a JSON value");
        }
        return literal;
    }

    private void whitespace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private char peek() {
        return text.charAt(position);
    }

    private char charAt(int index) {
        return index < text.length() ? text.charAt(index) : ' ';
    }

    private void expect(char expected) {
        if (text.charAt(position++) != expected) {
            throw new IllegalArgumentException("Expected " + expected);
        }
    }
}
