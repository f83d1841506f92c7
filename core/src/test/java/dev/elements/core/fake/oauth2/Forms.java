package dev.elements.core.fake.oauth2;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code application/x-www-form-urlencoded} both ways, for queries, bodies and redirects. */
final class Forms {

    private Forms() {
    }

    /** The decoded fields of {@code a=1&b=2} (first value of each); none for null or blank. */
    static Map<String, String> decode(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return Collections.unmodifiableMap(fields);
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            fields.putIfAbsent(decodeComponent(equals < 0 ? pair : pair.substring(0, equals)),
                    equals < 0 ? "" : decodeComponent(pair.substring(equals + 1)));
        }
        return Collections.unmodifiableMap(fields);
    }

    static String decodeComponent(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** {@code base?name=value&...} or {@code base&name=value...} when the base has a query already. */
    static String appendQuery(String base, Map<String, String> parameters) {
        StringBuilder url = new StringBuilder(base);
        char separator = base.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return url.toString();
    }
}
