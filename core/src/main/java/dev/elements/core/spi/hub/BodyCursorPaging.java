package dev.elements.core.spi.hub;

import static java.util.Objects.requireNonNull;

import dev.elements.core.hub.PageRequest;
import dev.elements.core.json.JsonValue;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The next page's cursor is a member of the answer; its absence means the last page. */
record BodyCursorPaging(String limitParameter, String cursorParameter, String nextCursorPointer) implements Paging {
    BodyCursorPaging {
        requireNonNull(limitParameter, "limitParameter");
        requireNonNull(cursorParameter, "cursorParameter");
        requireNonNull(nextCursorPointer, "nextCursorPointer");
    }

    @Override
    public Map<String, String> parameters(PageRequest page) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(limitParameter, Integer.toString(page.limit()));
        if (page.cursor() != null) {
            parameters.put(cursorParameter, page.cursor());
        }
        return parameters;
    }

    @Override
    public String nextCursor(JsonValue body, ProviderHttpResponse response, PageRequest page, int itemCount) {
        String next = body.at(nextCursorPointer).text();
        return next == null || next.isBlank() ? null : next;
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of(limitParameter, cursorParameter);
    }
}
