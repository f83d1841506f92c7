package dev.elements.core.fake.oauth2;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the provider received, kept for assertions and handed to resource handlers.
 *
 * @param method the HTTP method, upper case
 * @param path the decoded path, e.g. {@code /2/users/me}
 * @param query the decoded query parameters (first value of each)
 * @param headers the request headers, looked up without regard to case
 * @param body the raw body as UTF-8 text, empty when there was none
 * @param receivedAt when it arrived, on the fake's clock
 */
public record FakeRequest(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
                          String body, Instant receivedAt) {

    /** The first value of a header, if sent. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The decoded fields of a form-encoded body (first value of each). */
    public Map<String, String> form() {
        return Forms.decode(body);
    }

    /**
     * The body read as a JSON object.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public Map<String, Object> jsonObject() {
        return FakeJson.parseObject(body);
    }
}
