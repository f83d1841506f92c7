package dev.elements.core.spi.hub;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.hub.HubCall;
import dev.elements.core.json.Json;
import dev.elements.core.json.JsonObject;
import dev.elements.core.json.JsonSyntaxException;
import dev.elements.core.json.JsonValue;
import dev.elements.core.port.out.ProviderHttpRequest;
import dev.elements.core.spi.FormEncoding;
import dev.elements.core.spi.oauth2.OAuth2Settings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the provider request of a hub call. */
final class HubRequests {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");
    private static final int LONGEST_PATH_VALUE = 256;

    private final HubProfile profile;

    HubRequests(HubProfile profile) {
        this.profile = requireNonNull(profile, "profile");
    }

    ProviderHttpRequest build(HubCall call, Duration timeout) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        call.query().forEach((name, values) -> {
            if (!profile.isReserved(name) && !values.isEmpty()) {
                query.put(name, new ArrayList<>(values));
            }
        });
        call.resource().fixedQuery().forEach((name, value) -> query.put(name, List.of(value)));
        if (call.where() != null && !profile.hooks().translateWhere(call, query)) {
            throw new PlatformException(ErrorCode.WHERE_NOT_SUPPORTED, call.resource().method() + " "
                    + call.resource().path() + " cannot be filtered with where: the provider has no filter for it"
                    + " that the element translates to, and a filter left unapplied would answer rows that do not"
                    + " match");
        }
        // After the where: a later page's cursor (Graph's until, for one) continues inside the filter.
        if (call.resource().paged() && call.page() != null) {
            profile.paging().parameters(call.page()).forEach((name, value) -> query.put(name, List.of(value)));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("application/json"));
        profile.hooks().authenticate(call, query, headers);
        String method = call.resource().vendorMethod();
        byte[] body = null;
        if (!method.equals("GET") && !method.equals("DELETE")) {
            body = body(call, headers);
        }
        String path = fill(call.resource().vendorPath(), call.pathParameters());
        String url = OAuth2Settings.of(call.configuration()).baseUrl() + path;
        return new ProviderHttpRequest(method, URI.create(query.isEmpty() ? url : url + "?" + encode(query)),
                headers, body, timeout);
    }

    /**
     * The provider path with each placeholder's value encoded as one segment. A value that could
     * steer the call elsewhere with the instance's token ({@code ..}, anything with a slash or a
     * control character) is refused before anything is sent.
     */
    private String fill(String vendorPath, Map<String, String> values) {
        Matcher placeholders = PLACEHOLDER.matcher(vendorPath);
        StringBuilder path = new StringBuilder();
        while (placeholders.find()) {
            String name = placeholders.group(1);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("The platform gave no value for {" + name + "} of " + vendorPath);
            }
            if (value.isEmpty() || value.equals(".") || value.equals("..") || value.length() > LONGEST_PATH_VALUE
                    || value.chars().anyMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7f)) {
                // The value itself stays out of the message: it is the application's input, of any length.
                throw new PlatformException(ErrorCode.INVALID_FIELD,
                        "The value of {" + name + "} in the path is not a single path segment");
            }
            profile.hooks().checkPathValue(name, value);
            placeholders.appendReplacement(path, Matcher.quoteReplacement(FormEncoding.encodeComponent(value)));
        }
        placeholders.appendTail(path);
        return path.toString();
    }

    /**
     * An upload as it came, for a resource that takes uploads; otherwise the application's JSON
     * object without reserved members, as JSON or as form fields.
     *
     * @throws PlatformException {@code INVALID_FIELD} when the body is not what the resource takes or
     *     carries a reserved name: the application's mistake, found before anything is sent
     */
    private byte[] body(HubCall call, Map<String, List<String>> headers) {
        RequestBody sent = MultipartForm.isMultipart(call.contentType()) ? RequestBody.MULTIPART
                : profile.requestBody();
        return switch (sent) {
            case MULTIPART -> upload(call, headers);
            case JSON, FORM -> fields(call, sent, headers);
        };
    }

    /**
     * The multipart body byte for byte, with the application's {@code Content-Type} (its boundary):
     * re-encoding a file could only spoil it. Its part names are read first, because a part named
     * {@code access_token} or {@code method} would reach the provider as that parameter.
     */
    private byte[] upload(HubCall call, Map<String, List<String>> headers) {
        if (!call.resource().takesUploads()) {
            throw new PlatformException(ErrorCode.INVALID_FIELD, call.resource().method() + " "
                    + call.resource().path() + " takes a JSON body, not a multipart/form-data upload");
        }
        byte[] raw = call.body();
        for (String name : MultipartForm.partNames(raw, call.contentType())) {
            if (profile.isReserved(name)) {
                throw new PlatformException(ErrorCode.INVALID_FIELD, "The upload may not have a part named "
                        + name.strip() + ": only the platform sets it");
            }
        }
        // Our own Content-Type, with the boundary the parts were read by: the application's could be read
        // by the provider with another boundary, and so with other parts.
        headers.put("Content-Type", List.of(MultipartForm.MEDIA_TYPE + "; boundary="
                + MultipartForm.boundary(call.contentType())));
        return raw;
    }

    private byte[] fields(HubCall call, RequestBody sent, Map<String, List<String>> headers) {
        byte[] raw = call.body();
        JsonObject object = JsonObject.of(Map.of());
        if (!new String(raw, StandardCharsets.UTF_8).isBlank()) {
            try {
                JsonValue parsed = Json.parse(raw);
                if (!(parsed instanceof JsonObject given)) {
                    throw notAnObject();
                }
                object = given;
            } catch (JsonSyntaxException malformed) {
                throw notAnObject();
            }
        }
        Map<String, JsonValue> kept = new LinkedHashMap<>();
        object.members().forEach((name, value) -> {
            if (!profile.isReserved(name)) {
                kept.put(name, value);
            }
        });
        if (sent == RequestBody.JSON) {
            headers.put("Content-Type", List.of("application/json"));
            return JsonObject.of(kept).toJsonBytes();
        }
        headers.put("Content-Type", List.of("application/x-www-form-urlencoded"));
        Map<String, String> form = new LinkedHashMap<>();
        kept.forEach((name, value) -> {
            if (!value.isNull()) {
                form.put(name, value.isValue() ? value.text() : value.toJson());
            }
        });
        return FormEncoding.encode(form).getBytes(StandardCharsets.UTF_8);
    }

    private static PlatformException notAnObject() {
        return new PlatformException(ErrorCode.INVALID_FIELD, "The request body must be a JSON object");
    }

    private static String encode(Map<String, List<String>> query) {
        StringJoiner joined = new StringJoiner("&");
        query.forEach((name, values) -> values.forEach(value ->
                joined.add(FormEncoding.encodeComponent(name) + "=" + FormEncoding.encodeComponent(value))));
        return joined.toString();
    }
}
