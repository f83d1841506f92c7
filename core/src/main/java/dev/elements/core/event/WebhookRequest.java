package dev.elements.core.event;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request the provider sent to {@code /events/{elementKey}}, as received: the raw body bytes
 * (signatures are computed over them, never over a re-serialisation), the headers with lower-case
 * names, and the query parameters.
 */
public record WebhookRequest(byte[] body, Map<String, String> headers, Map<String, List<String>> query) {
    public WebhookRequest {
        body = body == null ? new byte[0] : body.clone();
        headers = requireNonNull(headers, "headers").entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue,
                        (first, second) -> first));
        query = Map.copyOf(requireNonNull(query, "query"));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The header's value, or null; {@code name} in any case. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The query parameter's first value, or null. */
    public String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
