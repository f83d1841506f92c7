package dev.elements.core.spi.hub;

import static java.util.Objects.requireNonNull;

import dev.elements.core.hub.PageRequest;
import dev.elements.core.json.JsonValue;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Pages addressed by the offset of their first item; a page shorter than asked for is the last. */
record OffsetPaging(String offsetParameter, String limitParameter) implements Paging {
    OffsetPaging {
        requireNonNull(offsetParameter, "offsetParameter");
        requireNonNull(limitParameter, "limitParameter");
    }

    @Override
    public Map<String, String> parameters(PageRequest page) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(offsetParameter, Long.toString(offsetOf(page)));
        parameters.put(limitParameter, Integer.toString(page.limit()));
        return parameters;
    }

    @Override
    public String nextCursor(JsonValue body, ProviderHttpResponse response, PageRequest page, int itemCount) {
        return itemCount < page.limit() ? null : Long.toString(offsetOf(page) + itemCount);
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of(offsetParameter, limitParameter);
    }

    /** The cursor is ours (sealed in the page token), so anything but a number is a bug, not input. */
    private static long offsetOf(PageRequest page) {
        return page.cursor() == null ? 0 : Long.parseLong(page.cursor());
    }
}
