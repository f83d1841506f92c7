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

    /**
     * Translates the application's CEQL {@code where} ({@link HubCall#where()}, not null here) into
     * the provider's own query parameters for this call. By default nothing is translated, and the
     * hub client refuses the call with a 400 naming the element and the resource: a filter that is
     * silently dropped would answer rows the application asked not to get.
     *
     * @param query the query to send, to add the provider's filter parameters to
     * @return whether the condition was translated; false when the resource cannot be filtered at all
     * @throws dev.elements.core.error.PlatformException {@code INVALID_FIELD} saying what the resource
     *     can filter by, when it filters but not by this condition
     */
    default boolean translateWhere(HubCall call, Map<String, List<String>> query) {
        return false;
    }

    /** The plain way throughout. */
    HubHooks PLAIN = new HubHooks() {
    };
}
