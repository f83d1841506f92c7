package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.ElementKey;
import dev.elements.core.spi.ElementProvider;

/**
 * An element as the platform runs it: the plugin's definition completed with the common entries
 * and the operator's defaults, beside the plugin that implements it.
 */
public record RegisteredElement(ElementDefinition definition, ElementProvider provider) {
    public RegisteredElement {
        requireNonNull(definition, "definition");
        requireNonNull(provider, "provider");
    }

    public ElementKey key() {
        return definition.key();
    }
}
