package dev.elements.core.spi.oauth2;

import dev.elements.core.json.JsonValue;
import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.ProviderHttpResponse;
import dev.elements.core.spi.RetryAfter;
import java.util.Map;

/**
 * RFC 6749 section 5.2's {@code {"error", "error_description"}}. A code the RFC does not list is a
 * refusal of the grant, unless the status says the provider failed.
 */
final class Rfc6749TokenErrors implements TokenEndpointErrors {
    private static final Map<String, ProviderErrorClass> CLASSES = Map.of(
            "invalid_grant", ProviderErrorClass.INVALID_GRANT,
            "invalid_client", ProviderErrorClass.INVALID_GRANT,
            "unauthorized_client", ProviderErrorClass.INVALID_GRANT,
            "invalid_scope", ProviderErrorClass.PERMISSION,
            "invalid_request", ProviderErrorClass.BAD_REQUEST,
            "unsupported_grant_type", ProviderErrorClass.BAD_REQUEST,
            "temporarily_unavailable", ProviderErrorClass.TRANSIENT,
            "server_error", ProviderErrorClass.TRANSIENT);

    @Override
    public ProviderException refusal(ProviderHttpResponse response, JsonValue body) {
        String code = body.path("error").text();
        String message = body.path("error_description").textOr(code);
        if (response.status() == 429) {
            return new ProviderException(new ProviderError(ProviderErrorClass.RATE_LIMITED, message, code,
                    RetryAfter.of(response).orElse(null)), "The token endpoint is limiting calls", null);
        }
        if (code == null || code.isBlank()) {
            // A refused Basic authentication often comes without a body.
            ProviderErrorClass errorClass = response.status() == 401 || response.status() == 403
                    ? ProviderErrorClass.INVALID_GRANT
                    : ProviderErrorClass.TRANSIENT;
            return new ProviderException(ProviderError.silent(errorClass), "The token endpoint answered HTTP "
                    + response.status() + " without an OAuth2 error", null);
        }
        ProviderErrorClass errorClass = CLASSES.getOrDefault(code,
                response.status() >= 500 ? ProviderErrorClass.TRANSIENT : ProviderErrorClass.INVALID_GRANT);
        return new ProviderException(new ProviderError(errorClass, message, code, null));
    }
}
