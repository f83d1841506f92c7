package dev.elements.facebook.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a user's browser does with a login URL: opens it and follows Facebook's redirect to the
 * application's callback, whose query carries the code (or the error) and the state. The callback
 * itself is not called; tests read its URL, as the application would.
 */
public final class BrowserLogin {
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** The callback Facebook redirected to; fails when the dialog did not redirect. */
    public Callback open(URI loginUrl) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(loginUrl).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                    "The login dialog answered " + response.statusCode() + " without a redirect: " + response.body()));
            return Callback.of(URI.create(location));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The application's callback URL with what Facebook put in its query. */
    public record Callback(URI uri, Map<String, String> query) {
        static Callback of(URI uri) {
            Map<String, String> query = new LinkedHashMap<>();
            String raw = uri.getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    int equals = pair.indexOf('=');
                    query.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                            equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            return new Callback(uri, Map.copyOf(query));
        }

        public Optional<String> code() {
            return Optional.ofNullable(query.get("code"));
        }

        public String requireCode() {
            return code().orElseThrow(() -> new IllegalStateException("No code in the callback: " + uri));
        }

        public Optional<String> state() {
            return Optional.ofNullable(query.get("state"));
        }

        public Optional<String> error() {
            return Optional.ofNullable(query.get("error"));
        }
    }
}
