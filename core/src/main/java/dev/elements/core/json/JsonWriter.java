package dev.elements.core.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/** Writes compact JSON straight into UTF-8 bytes. */
final class JsonWriter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** The most bytes one char can take: {@code \}{@code u} and four hex digits. */
    private static final int WIDEST_CHAR = 6;

    private byte[] out = new byte[128];
    private int size;

    private JsonWriter() {
    }

    static byte[] write(JsonValue value) {
        JsonWriter writer = new JsonWriter();
        writer.value(value);
        return Arrays.copyOf(writer.out, writer.size);
    }

    private void value(JsonValue value) {
        if (value instanceof JsonObject) {
            object(((JsonObject) value).members());
        } else if (value instanceof JsonArray) {
            array(((JsonArray) value).items());
        } else if (value instanceof JsonString) {
            string(((JsonString) value).value());
        } else if (value instanceof JsonNumber || value instanceof JsonBoolean) {
            ascii(value.text());
        } else if (value instanceof JsonNull) {
            ascii("null");
        } else {
            throw new IllegalStateException("a missing value has no JSON form; check isMissing() before writing");
        }
    }

    private void object(Map<String, JsonValue> members) {
        append((byte) '{');
        Iterator<Map.Entry<String, JsonValue>> member = members.entrySet().iterator();
        while (member.hasNext()) {
            Map.Entry<String, JsonValue> next = member.next();
            string(next.getKey());
            append((byte) ':');
            value(next.getValue());
            if (member.hasNext()) {
                append((byte) ',');
            }
        }
        append((byte) '}');
    }

    private void array(Iterable<JsonValue> items) {
        append((byte) '[');
        Iterator<JsonValue> item = items.iterator();
        while (item.hasNext()) {
            value(item.next());
            if (item.hasNext()) {
                append((byte) ',');
            }
        }
        append((byte) ']');
    }

    /**
     * Escapes {@code "}, {@code \} and control characters; a lone surrogate, which has no UTF-8 form,
     * is written as a {@code \}{@code u} escape, as it was read.
     */
    private void string(String text) {
        int length = text.length();
        ensure(length + 2);
        out[size++] = '"';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                out[size++] = (byte) c;
                continue;
            }
            // room for this char at its widest, and the rest (and the quote) at one byte each
            ensure(WIDEST_CHAR + length - i);
            if (c < 0x80) {
                escaped(c);
            } else if (c < 0x800) {
                out[size++] = (byte) (0xC0 | c >> 6);
                out[size++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out[size++] = (byte) (0xF0 | codePoint >> 18);
                out[size++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                out[size++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[size++] = (byte) (0x80 | codePoint & 0x3F);
            } else if (Character.isSurrogate(c)) {
                unicodeEscape(c);
            } else {
                out[size++] = (byte) (0xE0 | c >> 12);
                out[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[size++] = (byte) (0x80 | c & 0x3F);
            }
        }
        out[size++] = '"';
    }

    private void escaped(char c) {
        char shortForm;
        switch (c) {
            case '"':
                shortForm = '"';
                break;
            case '\\':
                shortForm = '\\';
                break;
            case '\n':
                shortForm = 'n';
                break;
            case '\r':
                shortForm = 'r';
                break;
            case '\t':
                shortForm = 't';
                break;
            case '\b':
                shortForm = 'b';
                break;
            case '\f':
                shortForm = 'f';
                break;
            default:
                unicodeEscape(c);
                return;
        }
        out[size++] = '\\';
        out[size++] = (byte) shortForm;
    }

    private void unicodeEscape(char c) {
        out[size++] = '\\';
        out[size++] = 'u';
        out[size++] = HEX[c >> 12];
        out[size++] = HEX[c >> 8 & 0xF];
        out[size++] = HEX[c >> 4 & 0xF];
        out[size++] = HEX[c & 0xF];
    }

    private void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            out[size++] = (byte) text.charAt(i);
        }
    }

    private void append(byte b) {
        ensure(1);
        out[size++] = b;
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}
