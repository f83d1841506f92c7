package dev.elements.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The one HTTP client of the tests: real HTTP to a server on loopback, as an application would
 * call it. Paths are relative to a base address; headers set with {@link #withHeader} go on every
 * request (an {@code Authorization}, typically). Redirects are never followed, so that tests see
 * them. Instances are immutable and share one JDK client.
 */
public final class TestHttpClient {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final String base;
    private final Map<String, String> headers;

    private TestHttpClient(String base, Map<String, String> headers) {
        this.base = requireNonNull(base, "base");
        this.headers = Map.copyOf(headers);
    }

    /** A client whose paths are appended to {@code base} (for instance {@code http://127.0.0.1:8080/elements/api-v2}). */
    public static TestHttpClient at(String base) {
        return new TestHttpClient(base, Map.of());
    }

    /**
     * A client whose paths are whole URLs, for servers that answer with absolute addresses to
     * follow (paging links, redirects) or that serve under several roots.
     */
    public static TestHttpClient withoutBase() {
        return new TestHttpClient("", Map.of());
    }

    /** The same client with one more header on every request; a null value removes the header. */
    public TestHttpClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        if (value == null) {
            more.remove(name);
        } else {
            more.put(name, value);
        }
        return new TestHttpClient(base, more);
    }

    public String base() {
        return base;
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public TestResponse get(String path) {
        return send("GET", path, null, null);
    }

    public TestResponse delete(String path) {
        return send("DELETE", path, null, null);
    }

    public TestResponse postJson(String path, String json) {
        return send("POST", path, "application/json", json);
    }

    public TestResponse putJson(String path, String json) {
        return send("PUT", path, "application/json", json);
    }

    public TestResponse patchJson(String path, String json) {
        return send("PATCH", path, "application/json", json);
    }

    public TestResponse postForm(String path, Map<String, String> form) {
        return send("POST", path, "application/x-www-form-urlencoded", formEncoded(form));
    }

    /** Any verb; a null body sends none, and a null content type sends no {@code Content-Type}. */
    public TestResponse send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** A request to {@code path} with this client's headers, for what the shortcuts do not cover. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT);
        headers.forEach(request::header);
        return request;
    }

    public TestResponse send(HttpRequest request) {
        try {
            return sendOrFail(request);
        } catch (IOException e) {
            throw new UncheckedIOException("No answer to " + request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends without hiding the IOException, for tests that expect the connection to fail. */
    public TestResponse sendOrFail(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new TestResponse(response.statusCode(), response.headers(), response.body());
    }

    /** Sends without waiting, for tests that need many requests in flight at once. */
    public CompletableFuture<TestResponse> sendAsync(HttpRequest request) {
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> new TestResponse(response.statusCode(), response.headers(), response.body()));
    }

    public static String formEncoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
