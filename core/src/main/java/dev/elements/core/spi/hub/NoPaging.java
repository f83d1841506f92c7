package dev.elements.core.spi.hub;

import dev.elements.core.hub.PageRequest;
import dev.elements.core.json.JsonValue;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.util.Map;
import java.util.Set;

/** Lists the provider answers whole: nothing asks for a page, and every answer is the last page. */
record NoPaging() implements Paging {

    @Override
    public Map<String, String> parameters(PageRequest page) {
        return Map.of();
    }

    @Override
    public String nextCursor(JsonValue body, ProviderHttpResponse response, PageRequest page, int itemCount) {
        return null;
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of();
    }
}
