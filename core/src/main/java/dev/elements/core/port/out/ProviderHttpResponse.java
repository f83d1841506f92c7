package dev.elements.core.port.out;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A provider's answer; header names are looked up case-insensitively. */
public record ProviderHttpResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public ProviderHttpResponse {
        Map<String, List<String>> insensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> insensitive.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = java.util.Collections.unmodifiableMap(insensitive);
        body = body == null ? new byte[0] : body.clone();
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return "ProviderHttpResponse[status=" + status + ", bytes=" + body.length + "]";
    }
}
