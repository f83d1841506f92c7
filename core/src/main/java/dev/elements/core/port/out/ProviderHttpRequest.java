package dev.elements.core.port.out;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request to a provider. {@link #toString()} shows the method and the path only, because the
 * query and the body may carry tokens.
 */
public record ProviderHttpRequest(
        String method, URI uri, Map<String, List<String>> headers, byte[] body, Duration timeout) {

    public ProviderHttpRequest {
        requireNonNull(method, "method");
        requireNonNull(uri, "uri");
        requireNonNull(timeout, "timeout");
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
    }

    public static ProviderHttpRequest get(URI uri, Duration timeout) {
        return new ProviderHttpRequest("GET", uri, Map.of(), null, timeout);
    }

    public static ProviderHttpRequest form(String method, URI uri, String formBody, Duration timeout) {
        return new ProviderHttpRequest(method, uri,
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
                formBody.getBytes(java.nio.charset.StandardCharsets.UTF_8), timeout);
    }

    public ProviderHttpRequest withHeader(String name, String value) {
        Map<String, List<String>> more = new LinkedHashMap<>(headers);
        more.put(name, List.of(value));
        return new ProviderHttpRequest(method, uri, more, body, timeout);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String toString() {
        return method + " " + uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
    }
}
