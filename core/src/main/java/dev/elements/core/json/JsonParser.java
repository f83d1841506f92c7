package dev.elements.core.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over UTF-8 bytes (RFC 8259, strictly), so that an answer is never decoded to
 * a String as a whole: strings are decoded where they stand, ASCII ones without escapes by a
 * single copy. Nesting is counted, so hostile input ends in a {@link JsonSyntaxException} and
 * never in a StackOverflowError.
 */
final class JsonParser {
    /** Far beyond any real value, and cheap to read; Jackson's default cap is 1000 too. */
    static final int LONGEST_NUMBER = 1000;
    private final byte[] in;
    private int position;
    private int depth;

    private JsonParser(byte[] in) {
        this.in = in;
    }

    static JsonValue parse(byte[] utf8) {
        JsonParser parser = new JsonParser(utf8);
        parser.skipWhitespace();
        JsonValue value = parser.value();
        parser.skipWhitespace();
        if (parser.position < utf8.length) {
            throw error(utf8, parser.position, "expected the end of the input but " + found(utf8, parser.position));
        }
        return value;
    }

    private JsonValue value() {
        int next = position < in.length ? in[position] : -1;
        switch (next) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return new JsonString(string());
            case 't':
                return literal("true", JsonBoolean.TRUE);
            case 'f':
                return literal("false", JsonBoolean.FALSE);
            case 'n':
                return literal("null", JsonNull.INSTANCE);
            default:
                if (next == '-' || next >= '0' && next <= '9') {
                    int start = position;
                    position = endOfNumber(in, start);
                    return new JsonNumber(new String(in, start, position - start, StandardCharsets.ISO_8859_1));
                }
                throw error(in, position, "expected a value but " + found(in, position));
        }
    }

    private JsonValue object() {
        enter();
        OwnedMembers members = new OwnedMembers();
        skipWhitespace();
        if (next() == '}') {
            position++;
            return leave(new JsonObject(members));
        }
        while (true) {
            if (next() != '"') {
                throw error(in, position, "expected a member name in double quotes but " + found(in, position));
            }
            String name = string();
            skipWhitespace();
            if (next() != ':') {
                throw error(in, position, "expected ':' after a member name but " + found(in, position));
            }
            position++;
            skipWhitespace();
            members.put(name, value());
            skipWhitespace();
            int next = next();
            if (next == '}') {
                position++;
                return leave(new JsonObject(members));
            }
            if (next != ',') {
                throw error(in, position, "expected ',' or '}' but " + found(in, position));
            }
            position++;
            skipWhitespace();
        }
    }

    private JsonValue array() {
        enter();
        List<JsonValue> items = new ArrayList<>();
        skipWhitespace();
        if (next() == ']') {
            position++;
            return leave(new JsonArray(items));
        }
        while (true) {
            items.add(value());
            skipWhitespace();
            int next = next();
            if (next == ']') {
                position++;
                return leave(new JsonArray(items));
            }
            if (next != ',') {
                throw error(in, position, "expected ',' or ']' but " + found(in, position));
            }
            position++;
            skipWhitespace();
        }
    }

    /** Steps over the opening bracket, counting the depth. */
    private void enter() {
        if (++depth > Json.MAX_DEPTH) {
            throw error(in, position, "nesting deeper than " + Json.MAX_DEPTH + " levels");
        }
        position++;
    }

    private JsonValue leave(JsonValue container) {
        depth--;
        return container;
    }

    private JsonValue literal(String word, JsonValue value) {
        for (int i = 0; i < word.length(); i++) {
            if (position + i >= in.length || in[position + i] != word.charAt(i)) {
                throw error(in, position, "invalid literal, expected " + word);
            }
        }
        position += word.length();
        return value;
    }

    /** The string starting at the opening quote under {@link #position}; moves past its closing quote. */
    private String string() {
        int start = position + 1;
        for (int i = start; i < in.length; i++) {
            byte b = in[i];
            if (b == '"') {
                position = i + 1;
                return new String(in, start, i - start, StandardCharsets.ISO_8859_1);
            }
            // bytes are signed: b < 0x20 also stops at every non-ASCII byte
            if (b == '\\' || b < 0x20) {
                return decodedString(start, i);
            }
        }
        return decodedString(start, in.length);
    }

    /** The slow path: escapes, non-ASCII characters (validated), errors. */
    private String decodedString(int start, int firstSpecial) {
        StringBuilder decoded = new StringBuilder(firstSpecial - start + 16);
        decoded.append(new String(in, start, firstSpecial - start, StandardCharsets.ISO_8859_1));
        int i = firstSpecial;
        while (true) {
            if (i >= in.length) {
                throw error(in, i, "the input ended inside a string");
            }
            int b = in[i] & 0xFF;
            if (b == '"') {
                position = i + 1;
                return decoded.toString();
            } else if (b == '\\') {
                i = escape(i, decoded);
            } else if (b < 0x20) {
                throw error(in, i, "control character " + codePoint(b) + " must be escaped in a string");
            } else if (b < 0x80) {
                decoded.append((char) b);
                i++;
            } else {
                i = utf8Character(in, i, decoded);
            }
        }
    }

    /** Appends the escape starting at the backslash at {@code i}; answers the index after it. */
    private int escape(int i, StringBuilder decoded) {
        int escaped = i + 1 < in.length ? in[i + 1] & 0xFF : -1;
        switch (escaped) {
            case '"':
            case '\\':
            case '/':
                decoded.append((char) escaped);
                return i + 2;
            case 'b':
                decoded.append('\b');
                return i + 2;
            case 'f':
                decoded.append('\f');
                return i + 2;
            case 'n':
                decoded.append('\n');
                return i + 2;
            case 'r':
                decoded.append('\r');
                return i + 2;
            case 't':
                decoded.append('\t');
                return i + 2;
            case 'u':
                // a lone surrogate is kept as written: it is a char, and JSON allows it
                decoded.append((char) hex4(i + 2));
                return i + 6;
            case -1:
                throw error(in, i + 1, "the input ended inside a string");
            default:
                throw error(in, i, "invalid escape, expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u but "
                        + found(in, i + 1));
        }
    }

    private int hex4(int start) {
        int value = 0;
        for (int i = start; i < start + 4; i++) {
            int digit = i < in.length ? Character.digit(in[i], 16) : -1;
            if (digit < 0) {
                throw error(in, start - 2, "a \\u escape needs four hex digits");
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /**
     * Appends the UTF-8 character starting at {@code i} (Unicode table 3-7: no overlong forms, no
     * surrogates, nothing above U+10FFFF); answers the index after it.
     */
    private static int utf8Character(byte[] in, int i, StringBuilder decoded) {
        int lead = in[i] & 0xFF;
        int following;
        int codePoint;
        int low = 0x80;
        int high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            following = 1;
            codePoint = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            following = 2;
            codePoint = lead & 0x0F;
            low = lead == 0xE0 ? 0xA0 : low;
            high = lead == 0xED ? 0x9F : high;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            following = 3;
            codePoint = lead & 0x07;
            low = lead == 0xF0 ? 0x90 : low;
            high = lead == 0xF4 ? 0x8F : high;
        } else {
            throw invalidUtf8(in, i);
        }
        if (i + following >= in.length) {
            throw invalidUtf8(in, i);
        }
        for (int k = 1; k <= following; k++) {
            int continuation = in[i + k] & 0xFF;
            if (continuation < low || continuation > high) {
                throw invalidUtf8(in, i);
            }
            low = 0x80;
            high = 0xBF;
            codePoint = codePoint << 6 | continuation & 0x3F;
        }
        decoded.appendCodePoint(codePoint);
        return i + following + 1;
    }

    private static JsonSyntaxException invalidUtf8(byte[] in, int i) {
        return error(in, i, String.format("invalid UTF-8 sequence starting with byte 0x%02X", in[i] & 0xFF));
    }

    /**
     * The index just after the number literal starting at {@code start}. Exponents too large for a
     * {@link BigDecimal} are refused, so that every {@link JsonNumber} has a value.
     */
    static int endOfNumber(byte[] in, int start) {
        int i = start;
        if (i < in.length && in[i] == '-') {
            i++;
        }
        if (!isDigit(in, i)) {
            throw error(in, i, "expected a digit but " + found(in, i));
        }
        if (in[i] == '0' && isDigit(in, i + 1)) {
            throw error(in, i, "a number may not start with a leading zero");
        }
        i = endOfDigits(in, i);
        if (i < in.length && in[i] == '.') {
            if (!isDigit(in, ++i)) {
                throw error(in, i, "expected a digit after the decimal point but " + found(in, i));
            }
            i = endOfDigits(in, i);
        }
        if (i < in.length && (in[i] == 'e' || in[i] == 'E')) {
            i++;
            if (i < in.length && (in[i] == '+' || in[i] == '-')) {
                i++;
            }
            if (!isDigit(in, i)) {
                throw error(in, i, "expected a digit in the exponent but " + found(in, i));
            }
            int exponentStart = i;
            i = endOfDigits(in, i);
            checkRange(in, start, exponentStart, i);
        }
        return i;
    }

    private static void checkRange(byte[] in, int start, int exponentStart, int end) {
        if (exponentStart - start > LONGEST_NUMBER) {
            // A BigDecimal of a huge literal costs time quadratic in its digits: no answer needs one.
            throw error(in, start, "the number has more than " + LONGEST_NUMBER + " digits");
        }
        int significant = exponentStart;
        while (significant < end - 1 && in[significant] == '0') {
            significant++;
        }
        if (end - significant < 10) {
            return; // below a billion, far inside a BigDecimal's scale
        }
        try {
            new BigDecimal(new String(in, start, end - start, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException outOfRange) {
            throw error(in, start, "the number's exponent is out of range");
        }
    }

    private static boolean isDigit(byte[] in, int i) {
        return i < in.length && in[i] >= '0' && in[i] <= '9';
    }

    private static int endOfDigits(byte[] in, int i) {
        while (isDigit(in, i)) {
            i++;
        }
        return i;
    }

    private int next() {
        return position < in.length ? in[position] : -1;
    }

    private void skipWhitespace() {
        while (position < in.length) {
            byte b = in[position];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            position++;
        }
    }

    /** What stands at {@code i}, quoting one printable ASCII character at most. */
    private static String found(byte[] in, int i) {
        if (i >= in.length) {
            return "the input ended";
        }
        int b = in[i] & 0xFF;
        if (b >= 0x20 && b < 0x7F) {
            return "found '" + (char) b + "'";
        }
        if (b < 0x80) {
            return "found " + codePoint(b);
        }
        try {
            StringBuilder character = new StringBuilder(2);
            utf8Character(in, i, character);
            return "found " + codePoint(character.codePointAt(0));
        } catch (JsonSyntaxException notUtf8) {
            return String.format("found the byte 0x%02X, which is not UTF-8", b);
        }
    }

    private static String codePoint(int codePoint) {
        return String.format("U+%04X", codePoint);
    }

    /** Line and column (both from 1, columns in characters) of {@code i}, worked out only on failure. */
    private static JsonSyntaxException error(byte[] in, int i, String what) {
        int line = 1;
        int column = 1;
        for (int k = 0; k < i && k < in.length; k++) {
            if (in[k] == '\n') {
                line++;
                column = 1;
            } else if ((in[k] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new JsonSyntaxException("line " + line + ", column " + column + ": " + what);
    }
}
