package dev.elements.facebook.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
            return new Callback(uri, Map.copyOf(QueryStrings.decode(uri.getRawQuery())));
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
