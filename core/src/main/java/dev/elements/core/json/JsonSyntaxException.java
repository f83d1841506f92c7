package dev.elements.core.json;

/**
 * Input that is not JSON (RFC 8259), or nests deeper than {@link Json#MAX_DEPTH}. The message says
 * what was wrong and where ({@code "line 3, column 14: expected ',' or '}' but found 'x'"}), and
 * quotes at most one character of the input, since the input may be a provider's answer holding
 * secrets.
 */
public final class JsonSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JsonSyntaxException(String message) {
        super(message);
    }
}
