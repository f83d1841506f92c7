package dev.elements.facebook.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns an {@link HttpExchange} into a {@link RecordedRequest}: version prefix, query, form, JSON or multipart body. */
final class RequestReader {

    /** Every route is served with any {@code /vNN.N} prefix and without one, as graph.facebook.com does. */
    private static final Pattern VERSION_PREFIX = Pattern.compile("^/(v\\d+\\.\\d+)(?=/|$)");

    private RequestReader() {
    }

    static RecordedRequest read(HttpExchange exchange, Instant receivedAt) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        String decodedPath = decodePath(rawPath == null || rawPath.isEmpty() ? "/" : rawPath);
        String apiVersion = null;
        Matcher version = VERSION_PREFIX.matcher(decodedPath);
        if (version.find()) {
            apiVersion = version.group(1);
            decodedPath = decodedPath.substring(version.end());
        }
        String path = normalize(decodedPath);

        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));

        byte[] bodyBytes;
        try (InputStream input = exchange.getRequestBody()) {
            bodyBytes = input.readAllBytes();
        }
        String body = new String(bodyBytes, StandardCharsets.UTF_8);
        String contentType = headers.getOrDefault("Content-Type", List.of("")).get(0).toLowerCase();
        MultipartReader.Parts multipart = MultipartReader.isMultipart(contentType)
                ? MultipartReader.read(bodyBytes, headers.get("Content-Type").get(0))
                : MultipartReader.Parts.NONE;
        Map<String, String> bodyParameters = contentType.contains("json")
                ? jsonFields(body)
                : contentType.isEmpty() || contentType.contains("x-www-form-urlencoded") ? formFields(body)
                : multipart.fields();

        return new RecordedRequest(exchange.getRequestMethod().toUpperCase(), path, apiVersion,
                Collections.unmodifiableMap(formFields(exchange.getRequestURI().getRawQuery())),
                Collections.unmodifiableMap(bodyParameters), Collections.unmodifiableMap(headers), body, receivedAt,
                multipart.files());
    }

    /** Splits a decoded path into its segments; the root has none. */
    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    static Map<String, String> formFields(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    private static Map<String, String> jsonFields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.isBlank()) {
            return fields;
        }
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            if (root != null && root.isObject()) {
                for (Map.Entry<String, JsonNode> field : root.properties()) {
                    JsonNode value = field.getValue();
                    fields.put(field.getKey(), value.isTextual() ? value.asText() : value.toString());
                }
            }
        } catch (IOException notJson) {
            // Facebook ignores a body it cannot parse; the missing parameters then produce the usual errors.
        }
        return fields;
    }

    private static String normalize(String path) {
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? "/" : trimmed;
    }

    private static String decodePath(String rawPath) {
        // URLDecoder would turn '+' into a space, which is wrong in a path.
        return decode(rawPath.replace("+", "%2B"));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
