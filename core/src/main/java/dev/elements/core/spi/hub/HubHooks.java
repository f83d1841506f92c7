package dev.elements.core.spi.hub;

import dev.elements.core.hub.HubCall;
import dev.elements.core.json.JsonValue;
import java.util.List;
import java.util.Map;

/** Where a provider departs from plain REST with bearer tokens; each hook defaults to the plain way. */
public interface HubHooks {

    /**
     * Puts the instance's credentials into the request: by default {@code Authorization: Bearer}.
     * Never put a token into the query: proxies and access logs keep URLs.
     *
     * @param call the call, with the instance's tokens and configuration
     * @param query the query to send, to add proofs to (Facebook's {@code appsecret_proof})
     * @param headers the headers to send
     */
    default void authenticate(HubCall call, Map<String, List<String>> query, Map<String, List<String>> headers) {
        headers.put("Authorization", List.of("Bearer " + call.tokens().accessToken()));
    }

    /**
     * Refuses a path value the provider would misread; the platform has checked the resource's
     * parameter shapes and that the value is one path segment already.
     *
     * @throws dev.elements.core.error.PlatformException {@code INVALID_FIELD}, naming the placeholder
     */
    default void checkPathValue(String name, String value) {
    }

    /** Whether a successful answer is in fact a refusal (some providers answer errors with 200). */
    default boolean refusedDespiteSuccess(JsonValue body) {
        return false;
    }

    /** The plain way throughout. */
    HubHooks PLAIN = new HubHooks() {
    };
}
