package dev.elements.facebook.fake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the fake received, kept for assertions.
 *
 * @param method the HTTP method as sent (a {@code method=} override parameter is not applied here)
 * @param path the decoded path without the {@code /vNN.N} prefix, e.g. {@code /me/feed}; {@code /} for the root
 * @param apiVersion the version prefix without slashes, e.g. {@code v25.0}, or {@code null} when none was sent
 * @param query the query parameters (first value of each)
 * @param bodyParameters the form-encoded, JSON or multipart body fields (first value of each; JSON values that
 *                       are not strings appear as JSON text; multipart parts without a file name)
 * @param headers the request headers, looked up without regard to case
 * @param body the raw body as UTF-8 text, empty when there was none
 * @param receivedAt when it arrived, on the fake's clock
 * @param files the file parts of a {@code multipart/form-data} body, in order; empty for other bodies
 */
public record RecordedRequest(String method, String path, String apiVersion, Map<String, String> query,
                              Map<String, String> bodyParameters, Map<String, List<String>> headers, String body,
                              Instant receivedAt, List<UploadedFile> files) {

    public RecordedRequest {
        files = List.copyOf(files);
    }

    /** A parameter from the query or, failing that, from the body, as Facebook merges both. */
    public String param(String name) {
        String fromQuery = query.get(name);
        return fromQuery != null ? fromQuery : bodyParameters.get(name);
    }

    /** The first value of a header, if sent. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The access token, wherever the client put it: the {@code access_token} parameter, or an
     * {@code Authorization: Bearer …} (or {@code OAuth …}) header. {@code null} when there is none.
     */
    public String accessToken() {
        String parameter = param("access_token");
        if (parameter != null && !parameter.isBlank()) {
            return parameter;
        }
        return header("Authorization")
                .map(String::trim)
                .map(value -> {
                    int space = value.indexOf(' ');
                    if (space < 0) {
                        return null;
                    }
                    String scheme = value.substring(0, space);
                    boolean tokenScheme = scheme.equalsIgnoreCase("Bearer") || scheme.equalsIgnoreCase("OAuth");
                    return tokenScheme ? value.substring(space + 1).trim() : null;
                })
                .filter(token -> !token.isEmpty())
                .orElse(null);
    }
}
