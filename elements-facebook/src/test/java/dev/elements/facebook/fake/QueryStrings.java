package dev.elements.facebook.fake;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Query strings as the fake and its tests write and read them, in one place. */
final class QueryStrings {

    private QueryStrings() {
    }

    /** Builds a map from alternating names and values, in that order. */
    static Map<String, String> params(String... namesAndValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int index = 0; index < namesAndValues.length; index += 2) {
            parameters.put(namesAndValues[index], namesAndValues[index + 1]);
        }
        return parameters;
    }

    /** The decoded query parameters of a URL, ignoring the fragment. */
    static Map<String, String> queryOf(String url) {
        return decode(URI.create(url).getRawQuery());
    }

    /** The decoded parameters of a raw {@code a=1&b=2} string (a query or a form body); none for null. */
    static Map<String, String> decode(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                    equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
