package dev.elements.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.core.spi.FormEncoding;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cursor the platform keeps between pages of a Graph connection. Facebook's {@code paging.next}
 * URL carries the caller's access token, so it is never kept; only where the next page starts is.
 *
 * <p>Most edges page by cursor: the cursor is then {@code paging.cursors.after} as Facebook wrote it.
 * Some (a profile's posts, for one) page by time or offset and have no cursors, only a {@code next}
 * URL with {@code until} and {@code __paging_token} or {@code offset}; the cursor is then those
 * parameters, form-encoded behind {@value #CONTINUATION_MARK}, a character no Facebook cursor holds.
 */
final class GraphCursor {
    static final String CONTINUATION_MARK = "~";

    private GraphCursor() {
    }

    /**
     * Where the page after this one starts, or null when this is the last page. Only a missing
     * {@code next} means the last page: a short or even empty page may still have one.
     */
    static String next(JsonNode paging) {
        if (paging == null || !paging.path("next").isTextual()) {
            return null;
        }
        String after = paging.path("cursors").path(FacebookFacts.AFTER).asText("");
        if (!after.isEmpty()) {
            return after;
        }
        Map<String, String> continuation = continuationOf(paging.path("next").asText());
        return continuation.isEmpty() ? null : CONTINUATION_MARK + FormEncoding.encode(continuation);
    }

    /** The parameters that ask Graph for the page a cursor points at; none for the first page. */
    static Map<String, String> parameters(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Map.of();
        }
        if (cursor.startsWith(CONTINUATION_MARK)) {
            return continuationIn(FormEncoding.decode(cursor.substring(CONTINUATION_MARK.length())));
        }
        return Map.of(FacebookFacts.AFTER, cursor);
    }

    private static Map<String, String> continuationOf(String nextUrl) {
        try {
            return continuationIn(FormEncoding.decode(URI.create(nextUrl).getRawQuery()));
        } catch (IllegalArgumentException notAUrl) {
            return Map.of();
        }
    }

    /** Only the paging parameters: the URL's token, proof and the like never leave this class. */
    private static Map<String, String> continuationIn(Map<String, String> parameters) {
        Map<String, String> continuation = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (FacebookFacts.CONTINUATION_PARAMETERS.contains(name) && !value.isEmpty()) {
                continuation.put(name, value);
            }
        });
        return continuation;
    }
}
