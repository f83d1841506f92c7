package dev.elements.core.spi.hub;

import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.hub.ProviderUsage;
import dev.elements.core.json.JsonValue;
import dev.elements.core.port.out.ProviderHttpResponse;
import dev.elements.core.spi.CredentialScrubber;

/** An answer shape a plugin makes itself (a resource's {@code ResourceAnswer} names it). */
@FunctionalInterface
public interface CustomAnswer {

    /**
     * @param call the call
     * @param body the provider's successful answer, parsed and not yet scrubbed
     * @param response its status and headers
     * @param usage the reading of its usage headers; may be null
     * @param scrubber the call's scrubber: what leaves must have passed it
     */
    HubResult shape(HubCall call, JsonValue body, ProviderHttpResponse response, ProviderUsage usage,
            CredentialScrubber scrubber);
}
