package dev.elements.core.fake.oauth2;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What the provider answers: status, headers and body bytes, built before anything is written to the socket. */
public record FakeResponse(int status, Map<String, String> headers, byte[] body) {

    public static final String JSON = "application/json; charset=utf-8";

    public FakeResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body.clone();
    }

    public static FakeResponse json(int status, FakeJson body) {
        return json(status, body.toString());
    }

    public static FakeResponse json(int status, String json) {
        return new FakeResponse(status, Map.of("Content-Type", JSON), json.getBytes(StandardCharsets.UTF_8));
    }

    public static FakeResponse text(int status, String text) {
        return new FakeResponse(status, Map.of("Content-Type", "text/plain; charset=utf-8"),
                text.getBytes(StandardCharsets.UTF_8));
    }

    public static FakeResponse redirect(String location) {
        return new FakeResponse(302, Map.of("Location", location), new byte[0]);
    }

    /** A copy with one more header (or one replaced). */
    public FakeResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new FakeResponse(status, more, body);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "FakeResponse[" + status + " " + headers + " " + bodyText() + "]";
    }
}
