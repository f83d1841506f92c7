package dev.elements.core.port.in;

import static java.util.Objects.requireNonNull;

import dev.elements.core.tenant.Principal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /connect/sessions}: what {@code POST /instances} would take, less the code,
 * which the user's login at the provider brings later, and plus where the browser goes afterwards.
 *
 * @param element the element's key or id
 * @param configuration the instance's configuration; its {@code oauth.callback.url} is the platform's
 * @param redirectUrl where the browser goes when it is over (absolute http or https)
 * @param callbackUrl the platform's own {@code /connect/callback}, which the provider sends the user back to
 */
public record CreateConnectSessionCommand(Principal principal, String element, Map<String, String> configuration,
        List<String> tags, String name, String redirectUrl, URI callbackUrl) {

    public CreateConnectSessionCommand {
        requireNonNull(principal, "principal");
        requireNonNull(callbackUrl, "callbackUrl");
        new Validation()
                .require("element.key", element)
                .require("redirectUrl", redirectUrl)
                .check(Validation.isHttpUrl(redirectUrl), "redirectUrl must be an absolute http or https URL")
                .text("redirectUrl", redirectUrl, InputLimits.REDIRECT_URL)
                .orThrow();
        configuration = java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(configuration == null ? Map.of() : configuration));
        tags = tags == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(tags));
    }
}
