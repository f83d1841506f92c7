package dev.elements.facebook.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body as Graph does (RFC 7578): parts without a file name are
 * parameters, merged with the query like form fields; parts with one are uploads. A body that is not
 * a well-formed form of its boundary reads as no parts, so the usual "missing parameter" errors follow.
 */
final class MultipartReader {
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");

    /** The parameters and the files of one body. */
    record Parts(Map<String, String> fields, List<UploadedFile> files) {
        static final Parts NONE = new Parts(Map.of(), List.of());
    }

    private MultipartReader() {
    }

    static boolean isMultipart(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    static Parts read(byte[] body, String contentType) {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            return Parts.NONE;
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary.group(1);
        Map<String, String> fields = new LinkedHashMap<>();
        List<UploadedFile> files = new ArrayList<>();
        int at = text.indexOf(delimiter);
        while (at >= 0) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0 || text.startsWith("--", at + delimiter.length())) {
                break;
            }
            int headersEnd = text.indexOf("\r\n\r\n", lineEnd);
            int next = text.indexOf("\r\n" + delimiter, lineEnd);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                return Parts.NONE;
            }
            String headers = text.substring(lineEnd + 2, headersEnd);
            byte[] content = text.substring(headersEnd + 4, next).getBytes(StandardCharsets.ISO_8859_1);
            String disposition = header(headers, "Content-Disposition");
            Matcher name = disposition == null ? null : NAME.matcher(disposition);
            if (name != null && name.find()) {
                Matcher filename = FILENAME.matcher(disposition);
                if (filename.find()) {
                    files.add(new UploadedFile(name.group(1), filename.group(1), header(headers, "Content-Type"),
                            content));
                } else {
                    fields.putIfAbsent(name.group(1), new String(content, StandardCharsets.UTF_8));
                }
            }
            at = next + 2;
        }
        return new Parts(fields, files);
    }

    private static String header(String headers, String wanted) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(wanted)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
