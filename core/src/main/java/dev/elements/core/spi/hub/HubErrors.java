package dev.elements.core.spi.hub;

import dev.elements.core.hub.ProviderUsage;
import dev.elements.core.json.JsonValue;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.ProviderHttpResponse;

/** Says what a provider's refusal of a hub call means. {@link ErrorMapping} is the usual one. */
@FunctionalInterface
public interface HubErrors {

    /**
     * @param response the unsuccessful answer (or a successful one the hooks call a refusal)
     * @param body its parsed body; {@code JsonMissing} when it was not JSON
     * @param usage what the answer's headers said of the application's budget; may be null
     */
    ProviderException refusal(ProviderHttpResponse response, JsonValue body, ProviderUsage usage);
}
