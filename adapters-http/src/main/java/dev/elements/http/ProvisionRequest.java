package dev.elements.http;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.tenant.Principal;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /instances} as Cloud Elements clients send it: {@code element} as
 * {@code {"key": ...}} or {@code {"id": 48}}, {@code providerData.code} (and {@code providerData.state}
 * for elements that use PKCE), {@code configuration},
 * {@code tags}, {@code name}. Only types are checked in binding ({@link BodyBinding}); what is
 * required is the command's call.
 */
record ProvisionRequest(ElementReference element, ProviderData providerData,
        @JsonDeserialize(contentUsing = BodyBinding.ConfigurationText.class) Map<String, String> configuration,
        List<String> tags, String name) {

    /** The element the body names, as text, or null. */
    String elementReference() {
        return ElementReference.of(element);
    }

    /** The same request with the element a route path named. */
    ProvisionRequest withElement(String pathElement) {
        return new ProvisionRequest(new ElementReference(pathElement, null), providerData, configuration, tags, name);
    }

    ProvisionInstanceCommand command(Principal principal, String idempotencyKey) {
        return new ProvisionInstanceCommand(principal, elementReference(), ProviderData.code(providerData),
                ProviderData.state(providerData), configuration, tags, name, idempotencyKey);
    }
}
