package dev.elements.core.spi.hub;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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
    /** RFC 2046's boundary characters, without the space (which readers trim differently), 1 to 70 of them. */
    private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,\\-./:=?]{1,70}");

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
                // Some readers go on reading parts after the closing delimiter: nothing may follow it.
                if (!text.substring(afterDelimiter + 2).isBlank()) {
                    throw malformed("something follows its closing boundary");
                }
                return names;
            }
            if (!text.substring(afterDelimiter, text.indexOf('\n', afterDelimiter) < 0 ? text.length()
                    : text.indexOf('\n', afterDelimiter)).isBlank()) {
                // "--B" followed by more than blanks is another boundary to some readers.
                throw malformed("a delimiter line holds more than the boundary");
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
                    if (disposition.charAt(i) == '\\') {
                        // Readers disagree on what a backslash escapes, and so on where the value ends.
                        throw malformed("a part's Content-Disposition has a backslash in a quoted value");
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

    /**
     * The boundary, accepted only in the one form every reader agrees on: exactly one
     * {@code boundary} parameter (no {@code boundary*}, no other parameter whose name contains it),
     * of RFC 2046's characters without space, unquoted or in plain quotes. Readers differ on which of
     * two boundaries wins and on quoting, and a body read with another boundary has other parts.
     */
    static String boundary(String contentType) {
        String found = null;
        String[] parameters = contentType.split(";");
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i];
            int equals = parameter.indexOf('=');
            String key = (equals < 0 ? parameter : parameter.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
            if (!key.contains("boundary")) {
                continue;
            }
            if (!key.equals("boundary") || found != null || equals < 0) {
                throw unclearBoundary();
            }
            String value = parameter.substring(equals + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            found = value;
        }
        if (found == null || !BOUNDARY.matcher(found).matches()) {
            throw unclearBoundary();
        }
        return found;
    }

    private static PlatformException unclearBoundary() {
        return new PlatformException(ErrorCode.INVALID_FIELD, "A multipart/form-data body needs exactly one boundary"
                + " parameter in its Content-Type, of 1 to 70 letters, digits and '()+_,-./:=?");
    }

    private static PlatformException malformed(String why) {
        return new PlatformException(ErrorCode.INVALID_FIELD, "The multipart/form-data body is malformed: " + why);
    }
}
