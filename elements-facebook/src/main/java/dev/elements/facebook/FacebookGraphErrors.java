package dev.elements.facebook;

import dev.elements.core.hub.ProviderUsage;
import dev.elements.core.json.JsonValue;
import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.ProviderHttpResponse;
import dev.elements.core.spi.hub.HubErrors;
import dev.elements.core.spi.oauth2.TokenEndpointErrors;
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

    /** Refusals of Graph API calls, with the usage reported alongside, so the app's other calls are held back. */
    static final HubErrors GRAPH_CALLS = (response, body, usage) -> refusal(response, body, usage, false);
    /** Refusals of a code exchange, a long-lived token exchange or {@code debug_token}. */
    static final TokenEndpointErrors TOKEN_ENDPOINT = (response, body) -> refusal(response, body, null, true);

    private FacebookGraphErrors() {
    }

    private static ProviderException refusal(ProviderHttpResponse response, JsonValue body, ProviderUsage usage,
            boolean tokenEndpoint) {
        JsonValue error = body.path("error");
        if (!error.isObject()) {
            return unreadable(response, usage);
        }
        int code = error.path("code").intOr(0);
        JsonValue subcode = error.path("error_subcode");
        boolean isTransient = error.path("is_transient").booleanOr(false);
        ProviderErrorClass errorClass = tokenEndpoint
                ? classifyTokenEndpoint(code, isTransient, response.status())
                : classifyGraphCall(code, isTransient, response.status());
        return new ProviderException(new ProviderError(errorClass,
                error.path("message").textOr("Facebook gave no message"),
                subcode.isMissing() || subcode.isNull() ? Integer.toString(code) : code + "/" + subcode.intOr(0),
                errorClass == ProviderErrorClass.RATE_LIMITED
                        ? FacebookUsage.regainAccessAfter(response).orElse(null)
                        : null,
                usage));
    }

    private static ProviderErrorClass classifyTokenEndpoint(int code, boolean isTransient, int status) {
        if (RATE_LIMITS.contains(code)) {
            return ProviderErrorClass.RATE_LIMITED;
        }
        if (INVALID_TOKEN.contains(code)) {
            return ProviderErrorClass.INVALID_TOKEN;
        }
        if (status >= 500 || code == 2 || isTransient) {
            return ProviderErrorClass.TRANSIENT;
        }
        // 100 (used, expired or mismatched code), 101 (unknown app), 1 with a 4xx (wrong secret).
        return ProviderErrorClass.INVALID_GRANT;
    }

    private static ProviderErrorClass classifyGraphCall(int code, boolean isTransient, int status) {
        if (INVALID_TOKEN.contains(code)) {
            return ProviderErrorClass.INVALID_TOKEN;
        }
        if (RATE_LIMITS.contains(code) || (code >= 80_000 && code < 81_000)) {
            return ProviderErrorClass.RATE_LIMITED;
        }
        // 3: the app lacks the capability, such as taking likes back with a user token.
        if (code == 3 || code == 10 || (code >= 200 && code < 300)) {
            return ProviderErrorClass.PERMISSION;
        }
        if (code == 1 || code == 2 || isTransient || status >= 500) {
            return ProviderErrorClass.TRANSIENT;
        }
        return ProviderErrorClass.BAD_REQUEST;
    }

    /**
     * Facebook answered, but not with anything we can read: treat it as an outage, not a refusal.
     *
     * @param usage the reading of the answer's usage headers; may be null
     */
    static ProviderException unreadable(ProviderHttpResponse response, ProviderUsage usage) {
        return new ProviderException(new ProviderError(ProviderErrorClass.TRANSIENT, null, null, null, usage),
                "Facebook answered HTTP " + response.status() + " with a body that is not a Graph response", null);
    }
}
