package dev.elements.facebook;

import dev.elements.core.spi.FormEncoding;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.Configuration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a Graph path's placeholders with the application's values. A value is only ever an id:
 * anything else ({@code a/b}, {@code ..}, {@code x?access_token=}) could steer the call, with the
 * instance's token, to another Graph path, so it is refused before anything is sent.
 */
final class GraphPaths {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern ID = Pattern.compile(FacebookFacts.ID_OR_ME_PATTERN);

    private GraphPaths() {
    }

    /**
     * @param vendorPath such as {@code /{id}/comments}
     * @param values the values of the placeholders, from the application's path
     * @throws PlatformException {@code INVALID_FIELD} when a value is not an id: the application's
     *     mistake, found before anything is sent
     */
    static String fill(String vendorPath, Map<String, String> values) {
        Matcher placeholders = PLACEHOLDER.matcher(vendorPath);
        StringBuilder path = new StringBuilder();
        while (placeholders.find()) {
            String name = placeholders.group(1);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("The platform gave no value for {" + name + "} of " + vendorPath);
            }
            if (!isId(value)) {
                // The value itself stays out of the message: it is the application's input, of any length.
                throw new PlatformException(ErrorCode.INVALID_FIELD,
                        "The value of {" + name + "} in the path is not a Facebook id");
            }
            placeholders.appendReplacement(path, Matcher.quoteReplacement(FormEncoding.encodeComponent(value)));
        }
        placeholders.appendTail(path);
        return path.toString();
    }

    /** {@code base.url} and a Graph path, whether or not the operator's base URL ends in a slash. */
    static String url(Configuration configuration, String path) {
        String base = configuration.require(FacebookFacts.CONFIG_BASE_URL);
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    static boolean isId(String value) {
        // Core has checked each resource's own shape already; this is the last line, for any resource.
        return value.length() <= FacebookFacts.ID_MAX_LENGTH && ID.matcher(value).matches();
    }
}
