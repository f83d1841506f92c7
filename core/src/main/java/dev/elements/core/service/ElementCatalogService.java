package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.error.RequestValues;
import dev.elements.core.instance.Configuration;
import dev.elements.core.oauth.AuthorizationRequest;
import dev.elements.core.port.in.AuthorizationUrl;
import dev.elements.core.port.in.DescribeElementsUseCase;
import dev.elements.core.port.in.GetAuthorizationUrlCommand;
import dev.elements.core.port.in.GetAuthorizationUrlUseCase;
import java.util.List;

/** The element catalogue and the first step of the OAuth flow. */
public final class ElementCatalogService implements DescribeElementsUseCase, GetAuthorizationUrlUseCase {
    static final String SCOPE = "oauth.scope";

    private final ElementRegistry registry;
    private final PkceVerifiers verifiers;

    ElementCatalogService(ElementRegistry registry, PkceVerifiers verifiers) {
        this.registry = requireNonNull(registry, "registry");
        this.verifiers = requireNonNull(verifiers, "verifiers");
    }

    @Override
    public List<ElementDefinition> elements() {
        return registry.all().stream().map(RegisteredElement::definition).toList();
    }

    @Override
    public ElementDefinition element(String keyOrId) {
        return find(keyOrId).definition();
    }

    @Override
    public AuthorizationUrl authorizationUrl(GetAuthorizationUrlCommand command) {
        RegisteredElement element = find(command.element());
        Configuration defaults = Configuration.of(element.definition().defaults());
        String scope = blankToNull(command.scope());
        scope = scope != null ? scope : defaults.get(SCOPE).orElse("");
        String state = blankToNull(command.state());
        AuthorizationRequest request;
        if (element.provider().usesPkce()) {
            // Each login gets its own state, under which its verifier waits for the code.
            state = state != null ? state : verifiers.newState();
            request = new AuthorizationRequest(command.apiKey(), command.callbackUrl(), scope, state,
                    verifiers.begin(element.key(), state));
        } else {
            request = new AuthorizationRequest(command.apiKey(), command.callbackUrl(), scope,
                    state != null ? state : element.key().value());
        }
        return new AuthorizationUrl(element.provider().authorizationUrl(request, defaults), element.key().value());
    }

    private RegisteredElement find(String keyOrId) {
        return registry.find(keyOrId).orElseThrow(() -> new PlatformException(ErrorCode.ELEMENT_NOT_FOUND,
                "No element with key or id " + RequestValues.quote(keyOrId)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
