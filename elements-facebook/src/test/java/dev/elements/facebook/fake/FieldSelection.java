package dev.elements.facebook.fake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses Graph field expressions: {@code id,name}, {@code from{name}}, {@code comments.limit(5).summary(true){message}}.
 * Facebook answers a malformed expression with code 2500 and the offending position, as done here.
 */
final class FieldSelection {

    private final String text;
    private int position;

    private FieldSelection(String text) {
        this.text = text;
    }

    /** The requested fields, or null when the parameter is absent or blank (meaning: the defaults). */
    static List<FieldRequest> parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        FieldSelection parser = new FieldSelection(text);
        List<FieldRequest> fields = parser.list();
        parser.skipSpaces();
        if (parser.position < text.length()) {
            throw parser.syntaxError("Expected end of string instead of \"" + text.charAt(parser.position) + "\".");
        }
        return fields;
    }

    private List<FieldRequest> list() {
        List<FieldRequest> fields = new ArrayList<>();
        fields.add(item());
        skipSpaces();
        while (position < text.length() && text.charAt(position) == ',') {
            position++;
            fields.add(item());
            skipSpaces();
        }
        return fields;
    }

    private FieldRequest item() {
        skipSpaces();
        String name = name();
        Map<String, String> modifiers = new LinkedHashMap<>();
        while (position < text.length() && text.charAt(position) == '.') {
            position++;
            String modifier = name();
            expect('(');
            int close = text.indexOf(')', position);
            if (close < 0) {
                throw syntaxError("Expected \")\".");
            }
            modifiers.put(modifier, text.substring(position, close).trim());
            position = close + 1;
        }
        skipSpaces();
        List<FieldRequest> subfields = null;
        String subfieldsText = null;
        if (position < text.length() && text.charAt(position) == '{') {
            position++;
            int start = position;
            subfields = list();
            subfieldsText = text.substring(start, position).trim();
            expect('}');
        }
        return new FieldRequest(name, Collections.unmodifiableMap(modifiers), subfields, subfieldsText);
    }

    private String name() {
        skipSpaces();
        int start = position;
        while (position < text.length()
                && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
            position++;
        }
        if (start == position) {
            throw syntaxError(position < text.length()
                    ? "Expected field name instead of \"" + text.charAt(position) + "\"."
                    : "Unexpected end of string.");
        }
        return text.substring(start, position);
    }

    private void expect(char expected) {
        skipSpaces();
        if (position >= text.length() || text.charAt(position) != expected) {
            throw syntaxError("Expected \"" + expected + "\".");
        }
        position++;
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private GraphException syntaxError(String detail) {
        return new GraphException(GraphError.of(2500,
                "Syntax error \"" + detail + "\" at character " + position + ": " + text));
    }
}
