package dev.elements.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.core.hub.HubCall;
import dev.elements.core.instance.Configuration;
import dev.elements.core.spi.FormEncoding;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.out.ProviderHttpRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds the Graph request for a hub call. The access token travels in the {@code Authorization}
 * header, never in the URL, where proxies and access logs would keep it; the {@code appsecret_proof}
 * (which is no secret) goes in the query of every call.
 */
final class GraphRequests {
    private static final String FORM = "application/x-www-form-urlencoded";

    private GraphRequests() {
    }

    static ProviderHttpRequest build(GraphOperation operation, HubCall call, Duration timeout) {
        Configuration configuration = call.configuration();
        String accessToken = call.tokens().accessToken();
        String path = GraphPaths.fill(operation.resource().vendorPath(), call.pathParameters());
        Map<String, List<String>> query = applicationQuery(call.query());
        operation.fixedQuery().forEach((name, value) -> query.put(name, List.of(value)));
        if (operation.resource().paged() && call.page() != null) {
            query.put(FacebookFacts.LIMIT, List.of(Integer.toString(call.page().limit())));
            GraphCursor.parameters(call.page().cursor()).forEach((name, value) -> query.put(name, List.of(value)));
        }
        query.put(FacebookFacts.APP_SECRET_PROOF,
                List.of(AppSecretProof.of(configuration.require(FacebookFacts.CONFIG_API_SECRET), accessToken)));
        URI uri = URI.create(GraphPaths.url(configuration, path) + "?" + encode(query));
        String method = operation.resource().vendorMethod();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Authorization", List.of("Bearer " + accessToken));
        headers.put("Accept", List.of("application/json"));
        byte[] body = null;
        if (method.equals("POST")) {
            headers.put("Content-Type", List.of(FORM));
            body = FormEncoding.encode(formOf(call.body())).getBytes(StandardCharsets.UTF_8);
        }
        return new ProviderHttpRequest(method, uri, headers, body, timeout);
    }

    /** The application's parameters ({@code fields}, {@code type}, {@code since}...), minus the reserved ones. */
    private static Map<String, List<String>> applicationQuery(Map<String, List<String>> query) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            if (!isReserved(name) && !values.isEmpty()) {
                kept.put(name, new ArrayList<>(values));
            }
        });
        return kept;
    }

    /**
     * The application's JSON object as Graph's form fields: strings, numbers and booleans as their
     * text, objects and arrays as JSON text (as Graph takes {@code privacy} or {@code targeting}),
     * nulls left out, reserved names dropped so a body cannot swap the token or the verb.
     *
     * @throws PlatformException {@code INVALID_FIELD} when the body is not a JSON object: the
     *     application's mistake, found before anything is sent
     */
    static Map<String, String> formOf(byte[] body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return form;
        }
        JsonNode json = Json.read(body).filter(JsonNode::isObject).orElseThrow(() -> new PlatformException(
                ErrorCode.INVALID_FIELD, "The request body must be a JSON object of Facebook's fields"));
        json.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isNull() || isReserved(field.getKey())) {
                return;
            }
            form.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
        });
        return form;
    }

    /** Compared without case and blanks, in case some layer between here and Graph normalizes names. */
    private static boolean isReserved(String name) {
        return FacebookFacts.RESERVED_PARAMETERS.contains(name.strip().toLowerCase(Locale.ROOT));
    }

    private static String encode(Map<String, List<String>> query) {
        StringJoiner joined = new StringJoiner("&");
        query.forEach((name, values) -> values.forEach(value ->
                joined.add(FormEncoding.encodeComponent(name) + "=" + FormEncoding.encodeComponent(value))));
        return joined.toString();
    }
}
