package dev.elements.core.spi;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code application/x-www-form-urlencoded}, for query strings and form bodies alike. */
public final class FormEncoding {
    private FormEncoding() {
    }

    /** Encodes pairs in order, skipping null values. */
    public static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .map(entry -> encodeComponent(entry.getKey()) + "=" + encodeComponent(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** One component, with spaces as {@code %20} so the result is also valid in a URL query. */
    public static String encodeComponent(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Appends the parameters to a base URL that may already have a query. */
    public static URI withQuery(String base, Map<String, String> parameters) {
        String query = encode(parameters);
        if (query.isEmpty()) {
            return URI.create(base);
        }
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }

    /** Decodes a query string or form body; a repeated name keeps its first value. */
    public static Map<String, String> decode(String encoded) {
        Map<String, String> result = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return result;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            result.putIfAbsent(name, value);
        }
        return result;
    }

    /** Joins values with a separator after trimming, dropping empty ones. */
    public static String join(List<String> values, String separator) {
        return values.stream().map(String::trim).filter(value -> !value.isEmpty())
                .collect(Collectors.joining(separator));
    }
}
