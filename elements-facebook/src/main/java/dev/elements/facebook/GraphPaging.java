package dev.elements.facebook;

import dev.elements.core.hub.PageRequest;
import dev.elements.core.json.JsonValue;
import dev.elements.core.port.out.ProviderHttpResponse;
import dev.elements.core.spi.FormEncoding;
import dev.elements.core.spi.hub.Paging;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Graph's paging. Facebook's {@code paging.next} URL carries the caller's access token, so it is
 * never kept; only where the next page starts is.
 *
 * <p>Most edges page by cursor: the cursor is then {@code paging.cursors.after} as Facebook wrote it.
 * Some (a profile's posts, for one) page by time or offset and have no cursors, only a {@code next}
 * URL with {@code until} and {@code __paging_token} or {@code offset}; the cursor is then those
 * parameters, form-encoded behind {@value #CONTINUATION_MARK}, a character no Facebook cursor holds.
 */
final class GraphPaging implements Paging {
    static final String CONTINUATION_MARK = "~";

    @Override
    public Map<String, String> parameters(PageRequest page) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(FacebookFacts.LIMIT, Integer.toString(page.limit()));
        String cursor = page.cursor();
        if (cursor != null && cursor.startsWith(CONTINUATION_MARK)) {
            parameters.putAll(continuationIn(FormEncoding.decode(cursor.substring(CONTINUATION_MARK.length()))));
        } else if (cursor != null && !cursor.isEmpty()) {
            parameters.put(FacebookFacts.AFTER, cursor);
        }
        return parameters;
    }

    /**
     * Where the page after this one starts, or null when this is the last page. Only a missing
     * {@code next} means the last page: a short or even empty page may still have one.
     */
    @Override
    public String nextCursor(JsonValue body, ProviderHttpResponse response, PageRequest page, int itemCount) {
        JsonValue paging = body.path("paging");
        if (!paging.path("next").isText()) {
            return null;
        }
        String after = paging.at("/cursors/" + FacebookFacts.AFTER).textOr("");
        if (!after.isEmpty()) {
            return after;
        }
        Map<String, String> continuation;
        try {
            continuation = continuationIn(FormEncoding.decode(URI.create(paging.path("next").text()).getRawQuery()));
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
        return continuation.isEmpty() ? null : CONTINUATION_MARK + FormEncoding.encode(continuation);
    }

    /** The application may send {@code since} and {@code until} of its own; the page size and cursor are ours. */
    @Override
    public Set<String> parameterNames() {
        return Set.of(FacebookFacts.LIMIT, FacebookFacts.AFTER);
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
