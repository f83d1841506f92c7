package dev.elements.declarative;

import dev.elements.core.hub.HubCall;
import dev.elements.core.spi.hub.HubHooks;
import java.util.List;
import java.util.Map;

/**
 * The headers a document sends with every call (an API version, a protocol version), then the
 * bearer token; the schema refuses an {@code Authorization} header, which only the token may fill.
 */
record FixedHeaders(Map<String, String> headers) implements HubHooks {
    FixedHeaders {
        headers = Map.copyOf(headers);
    }

    @Override
    public void authenticate(HubCall call, Map<String, List<String>> query, Map<String, List<String>> sent) {
        headers.forEach((name, value) -> {
            sent.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            sent.put(name, List.of(value));
        });
        HubHooks.super.authenticate(call, query, sent);
    }
}
