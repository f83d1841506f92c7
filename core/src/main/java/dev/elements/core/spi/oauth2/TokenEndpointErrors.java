package dev.elements.core.spi.oauth2;

import dev.elements.core.json.JsonValue;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.ProviderHttpResponse;

/**
 * Says what a token endpoint's refusal means. The default reads RFC 6749 section 5.2's
 * {@code {"error", "error_description"}}; a provider with its own error shape (Facebook's Graph
 * errors) supplies its own.
 */
@FunctionalInterface
public interface TokenEndpointErrors {

    /**
     * @param response the answer, unsuccessful or carrying an error in a 200 (GitHub does)
     * @param body the parsed body; {@code JsonMissing} when it was not JSON
     */
    ProviderException refusal(ProviderHttpResponse response, JsonValue body);

    /** RFC 6749's error codes, classified once for every provider that keeps to them. */
    TokenEndpointErrors RFC_6749 = new Rfc6749TokenErrors();
}
