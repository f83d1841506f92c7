package dev.elements.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.core.hub.ProviderUsage;
import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Facebook's error object ({@code {"error":{"message","type","code","error_subcode",
 * "is_transient","fbtrace_id"}}}) and says what it means. Facebook reports most errors with HTTP
 * 400 whatever their cause, so the code decides, never the status.
 */
final class FacebookGraphErrors {
    /** App, user, page and custom rate limits, and the temporary policy block. */
    private static final Set<Integer> RATE_LIMITS = Set.of(4, 17, 32, 341, 368, 613);
    private static final Set<Integer> INVALID_TOKEN = Set.of(102, 190);

    private FacebookGraphErrors() {
    }

    /** One Graph error object. */
    record GraphError(int code, Integer subcode, String message, boolean isTransient) {
        String providerCode() {
            return subcode == null ? Integer.toString(code) : code + "/" + subcode;
        }
    }

    static Optional<GraphError> parse(ProviderHttpResponse response) {
        return Json.read(response.body())
                .map(body -> body.path("error"))
                .filter(JsonNode::isObject)
                .map(error -> new GraphError(
                        error.path("code").asInt(0),
                        error.hasNonNull("error_subcode") ? error.path("error_subcode").asInt() : null,
                        error.path("message").asText("Facebook gave no message"),
                        error.path("is_transient").asBoolean(false)));
    }

    /** A refusal from the token endpoint: a code exchange or a long-lived token exchange. */
    static ProviderException fromTokenEndpoint(ProviderHttpResponse response) {
        return parse(response)
                .map(error -> exception(error, classifyTokenEndpoint(error, response.status()), response, null))
                .orElseGet(() -> unreadable(response));
    }

    /**
     * A refusal of a Graph API call, with the usage Facebook reported alongside it, so that the
     * platform holds back the app's other calls when the refusal is a rate limit.
     *
     * @param usage the reading of the answer's usage headers; may be null
     */
    static ProviderException fromGraphCall(ProviderHttpResponse response, ProviderUsage usage) {
        return parse(response)
                .map(error -> exception(error, classifyGraphCall(error, response.status()), response, usage))
                .orElseGet(() -> unreadable(response, usage));
    }

    static ProviderErrorClass classifyTokenEndpoint(GraphError error, int status) {
        if (RATE_LIMITS.contains(error.code())) {
            return ProviderErrorClass.RATE_LIMITED;
        }
        if (INVALID_TOKEN.contains(error.code())) {
            return ProviderErrorClass.INVALID_TOKEN;
        }
        if (status >= 500 || error.code() == 2 || error.isTransient()) {
            return ProviderErrorClass.TRANSIENT;
        }
        // 100 (used, expired or mismatched code), 101 (unknown app), 1 with a 4xx (wrong secret).
        return ProviderErrorClass.INVALID_GRANT;
    }

    static ProviderErrorClass classifyGraphCall(GraphError error, int status) {
        int code = error.code();
        if (INVALID_TOKEN.contains(code)) {
            return ProviderErrorClass.INVALID_TOKEN;
        }
        if (RATE_LIMITS.contains(code) || (code >= 80_000 && code < 81_000)) {
            return ProviderErrorClass.RATE_LIMITED;
        }
        if (code == 10 || (code >= 200 && code < 300)) {
            return ProviderErrorClass.PERMISSION;
        }
        if (code == 1 || code == 2 || error.isTransient() || status >= 500) {
            return ProviderErrorClass.TRANSIENT;
        }
        return ProviderErrorClass.BAD_REQUEST;
    }

    private static ProviderException exception(GraphError error, ProviderErrorClass errorClass,
            ProviderHttpResponse response, ProviderUsage usage) {
        Duration retryAfter = errorClass == ProviderErrorClass.RATE_LIMITED
                ? FacebookUsage.regainAccessAfter(response).orElse(null)
                : null;
        return new ProviderException(new ProviderError(errorClass, error.message(), error.providerCode(),
                retryAfter, usage));
    }

    /** Facebook answered, but not with anything we can read: treat it as an outage, not a refusal. */
    static ProviderException unreadable(ProviderHttpResponse response) {
        return unreadable(response, null);
    }

    /** As {@link #unreadable(ProviderHttpResponse)}, keeping the usage the answer's headers reported. */
    static ProviderException unreadable(ProviderHttpResponse response, ProviderUsage usage) {
        return new ProviderException(new ProviderError(ProviderErrorClass.TRANSIENT, null, null, null, usage),
                "Facebook answered HTTP " + response.status() + " with a body that is not a Graph response", null);
    }
}
