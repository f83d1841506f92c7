package dev.elements.http;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.tenant.Principal;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /instances} as Cloud Elements clients send it: {@code element} as
 * {@code {"key": ...}} or {@code {"id": 48}}, {@code providerData.code} (and {@code providerData.state}
 * for elements that use PKCE), {@code configuration},
 * {@code tags}, {@code name}; or, instead of {@code providerData}, {@code "externalAuthentication":
 * "initial"} with the tokens the application holds in {@code configuration} (SAP Open Connectors,
 * "Authenticate a Connector Instance (API)", help.openconnectors.ext.hana.ondemand.com, shows this
 * body). Only types are checked in binding ({@link BodyBinding}); what is required is the command's
 * call.
 */
record ProvisionRequest(ElementReference element, ProviderData providerData,
        @JsonDeserialize(contentUsing = BodyBinding.ConfigurationText.class) Map<String, String> configuration,
        List<String> tags, String name, String externalAuthentication) {

    /** The one kind of external authentication Cloud Elements offered at creation. */
    static final String INITIAL = "initial";

    /** The element the body names, as text, or null. */
    String elementReference() {
        return ElementReference.of(element);
    }

    /** The same request with the element a route path named. */
    ProvisionRequest withElement(String pathElement) {
        return new ProvisionRequest(new ElementReference(pathElement, null), providerData, configuration, tags, name,
                externalAuthentication);
    }

    ProvisionInstanceCommand command(Principal principal, String idempotencyKey) {
        if (externalAuthentication != null && !INITIAL.equals(externalAuthentication)) {
            throw new PlatformException(ErrorCode.INVALID_FIELD,
                    "externalAuthentication must be \"" + INITIAL + "\" or absent");
        }
        return new ProvisionInstanceCommand(principal, elementReference(), ProviderData.code(providerData),
                ProviderData.state(providerData), configuration, tags, name, idempotencyKey,
                externalAuthentication != null);
    }
}
