package dev.elements.core.error;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * How an error message names a value the request sent: by a short prefix, with anything that is
 * not a letter, a digit or harmless punctuation replaced by {@code ?}. A message is read by people,
 * logged, and shown in consoles and web pages; a request value quoted whole could be megabytes long,
 * forge log lines with line breaks, reverse text with direction overrides, or carry markup. Every
 * message built from a request value goes through here, in core and in the adapters.
 */
public final class RequestValues {
    /** Enough to recognise a key, an id or an address; no more. */
    public static final int MAX_SHOWN = 32;
    /** Of a list of values, the most named; the rest are counted. */
    public static final int MAX_LISTED = 5;
    private static final String HARMLESS_PUNCTUATION = " -_.:/@+~,;=()[]{}#%!?*$|^";

    private RequestValues() {
    }

    /**
     * The value in single quotes, shortened and cleaned, such as {@code 'facebooksocial'} or
     * {@code '99999...' (900 characters)}.
     */
    public static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        return "'" + shortened(value) + "'" + lengthIfCut(value);
    }

    /** The value shortened and cleaned, without quotes, for lists of names such as configuration keys. */
    public static String shortened(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder shown = new StringBuilder();
        int codePoints = 0;
        int index = 0;
        while (index < value.length() && codePoints < MAX_SHOWN) {
            int codePoint = value.codePointAt(index);
            shown.appendCodePoint(harmless(codePoint) ? codePoint : '?');
            index += Character.charCount(codePoint);
            codePoints++;
        }
        if (index < value.length()) {
            shown.append("...");
        }
        return shown.toString();
    }

    /** At most {@link #MAX_LISTED} values, each {@link #shortened}, comma-separated, and how many more there are. */
    public static String list(Collection<String> values) {
        String listed = values.stream().limit(MAX_LISTED).map(RequestValues::shortened)
                .collect(Collectors.joining(", "));
        int more = values.size() - MAX_LISTED;
        return more > 0 ? listed + " and " + more + " more" : listed;
    }

    private static String lengthIfCut(String value) {
        return value.codePointCount(0, value.length()) > MAX_SHOWN
                ? " (" + value.length() + " characters)"
                : "";
    }

    private static boolean harmless(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || HARMLESS_PUNCTUATION.indexOf(codePoint) >= 0;
    }
}
