package dev.elements.http;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.elements.core.port.in.CreateConnectSessionCommand;
import dev.elements.core.tenant.Principal;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /connect/sessions}: {@code POST /instances}'s {@code element},
 * {@code configuration}, {@code tags} and {@code name} without {@code providerData}, and the
 * {@code redirectUrl} the browser goes back to. Only types are checked in binding.
 */
record ConnectSessionRequest(ElementReference element,
        @JsonDeserialize(contentUsing = BodyBinding.ConfigurationText.class) Map<String, String> configuration,
        List<String> tags, String name, String redirectUrl) {

    CreateConnectSessionCommand command(Principal principal, URI callbackUrl) {
        return new CreateConnectSessionCommand(principal, ElementReference.of(element), configuration, tags, name,
                redirectUrl, callbackUrl);
    }
}
