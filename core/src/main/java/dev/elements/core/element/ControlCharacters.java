package dev.elements.core.element;

/**
 * Characters that have no place in names, tags, user fields or configuration values: C0 and C1
 * controls (NUL among them, which PostgreSQL refuses to store while H2 keeps it), the text-direction
 * overrides and isolates that make a console show a name other than the one stored, and unpaired
 * surrogates (not text at all, and stored differently by each database). Refusing them at the
 * edge keeps every database answering the same and keeps the refusal ahead of any provider call.
 */
public final class ControlCharacters {
    /** The end of a refusal that names a field: what is wrong, without quoting the value. */
    public static final String PROBLEM = "contains a control or text-direction character";

    private ControlCharacters() {
    }

    /** Whether {@code value} holds any of them; one linear pass. */
    public static boolean in(String value) {
        return in(value, false);
    }

    /**
     * @param allowLineBreaks whether tab, line feed and carriage return are acceptable (multi-line
     *     values)
     */
    public static boolean in(String value, boolean allowLineBreaks) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (allowLineBreaks && (c == '\t' || c == '\n' || c == '\r')) {
                continue;
            }
            if (Character.isISOControl(c) || isDirectionControl(c)) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** U+202A..U+202E (embeddings and overrides) and U+2066..U+2069 (isolates). */
    private static boolean isDirectionControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
