package dev.elements.core.spi.hub;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads just enough of a {@code multipart/form-data} body (RFC 7578) to know the names of its
 * parts, so that an upload passed to the provider as it came cannot carry a part named like a
 * reserved parameter ({@code access_token}, {@code method}...). Wherever a lenient reader and a
 * strict one could disagree on which parts there are, the body is refused rather than guessed at:
 * a delimiter after a bare LF counts, a part without exactly one plain {@code name} is refused, and
 * so is a body without its closing delimiter.
 */
final class MultipartForm {
    static final String MEDIA_TYPE = "multipart/form-data";
    /** RFC 2046: a boundary is 1 to 70 characters. */
    private static final int LONGEST_BOUNDARY = 70;

    private MultipartForm() {
    }

    /** Whether {@code contentType} declares a multipart form, whatever its parameters. */
    static boolean isMultipart(String contentType) {
        return contentType != null
                && contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals(MEDIA_TYPE);
    }

    /**
     * The names of the body's parts, in order.
     *
     * @throws PlatformException {@code INVALID_FIELD} when the body is not a well-formed multipart
     *     form of the declared boundary
     */
    static List<String> partNames(byte[] body, String contentType) {
        String boundary = boundary(contentType);
        // ISO-8859-1 maps each byte to one char, so positions in the text are positions in the bytes.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        int at = text.startsWith(delimiter) ? 0 : nextDelimiter(text, delimiter, 0);
        List<String> names = new ArrayList<>();
        while (true) {
            if (at < 0) {
                throw malformed("it does not end with its closing boundary");
            }
            int afterDelimiter = at + delimiter.length();
            if (text.startsWith("--", afterDelimiter)) {
                return names;
            }
            int headersStart = text.indexOf('\n', afterDelimiter);
            if (headersStart < 0) {
                throw malformed("a part has no headers");
            }
            int next = nextDelimiter(text, delimiter, headersStart);
            int headersEnd = endOfHeaders(text, headersStart + 1, next < 0 ? text.length() : next);
            names.add(name(text.substring(headersStart + 1, headersEnd)));
            at = next;
        }
    }

    private static int nextDelimiter(String text, String delimiter, int from) {
        int found = text.indexOf("\n" + delimiter, from);
        return found < 0 ? -1 : found + 1;
    }

    /** Where the header block that starts at {@code start} ends: at its first empty line, LF or CRLF. */
    private static int endOfHeaders(String text, int start, int limit) {
        int lf = text.indexOf("\n\n", start - 1);
        int crlf = text.indexOf("\n\r\n", start - 1);
        int end = crlf < 0 ? lf : lf < 0 ? crlf : Math.min(crlf, lf);
        if (end == start - 1) {
            throw malformed("a part has no Content-Disposition");
        }
        if (end < 0 || end > limit) {
            throw malformed("a part's headers do not end before the next part");
        }
        return end;
    }

    /** The part's name: from exactly one {@code Content-Disposition: form-data} with exactly one {@code name}. */
    private static String name(String headerBlock) {
        String unfolded = headerBlock.replaceAll("\r?\n[ \t]+", " ");
        String disposition = null;
        for (String line : unfolded.split("\n")) {
            line = line.strip();
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Content-Disposition")) {
                if (disposition != null) {
                    throw malformed("a part has two Content-Disposition headers");
                }
                disposition = new String(line.substring(colon + 1).getBytes(StandardCharsets.ISO_8859_1),
                        StandardCharsets.UTF_8);
            }
        }
        if (disposition == null) {
            throw malformed("a part has no Content-Disposition");
        }
        List<String[]> parameters = parameters(disposition);
        if (parameters.isEmpty() || !parameters.get(0)[0].equalsIgnoreCase("form-data")) {
            throw malformed("a part is not form-data");
        }
        String name = null;
        for (String[] parameter : parameters.subList(1, parameters.size())) {
            String key = parameter[0].toLowerCase(Locale.ROOT);
            if (key.equals("name*") || (key.equals("name") && name != null)) {
                // An encoded or second name: readers differ on which one wins.
                throw malformed("a part has more than one name");
            }
            if (key.equals("name")) {
                name = parameter[1];
            }
        }
        if (name == null) {
            throw malformed("a part has no name");
        }
        return name;
    }

    /** The disposition type, then each {@code key=value} (token or quoted string), as {@code [key, value]}. */
    private static List<String[]> parameters(String disposition) {
        List<String[]> parameters = new ArrayList<>();
        int i = 0;
        int length = disposition.length();
        StringBuilder current = new StringBuilder();
        String key = null;
        while (i <= length) {
            char c = i < length ? disposition.charAt(i) : ';';
            if (c == '"' && key != null) {
                i++;
                while (i < length && disposition.charAt(i) != '"') {
                    if (disposition.charAt(i) == '\\' && i + 1 < length) {
                        i++;
                    }
                    current.append(disposition.charAt(i++));
                }
                if (i >= length) {
                    throw malformed("a part's name is not closed with a quote");
                }
            } else if (c == '=' && key == null) {
                key = current.toString().strip();
                current.setLength(0);
            } else if (c == ';') {
                String value = current.toString().strip();
                if (key != null || !value.isEmpty()) {
                    parameters.add(key == null ? new String[] {value, ""} : new String[] {key, value});
                }
                key = null;
                current.setLength(0);
            } else {
                current.append(c);
            }
            i++;
        }
        return parameters;
    }

    private static String boundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("boundary")) {
                String value = parameter.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (value.isEmpty() || value.length() > LONGEST_BOUNDARY) {
                    break;
                }
                return value;
            }
        }
        throw new PlatformException(ErrorCode.INVALID_FIELD,
                "A multipart/form-data body needs a boundary of 1 to 70 characters in its Content-Type");
    }

    private static PlatformException malformed(String why) {
        return new PlatformException(ErrorCode.INVALID_FIELD, "The multipart/form-data body is malformed: " + why);
    }
}
