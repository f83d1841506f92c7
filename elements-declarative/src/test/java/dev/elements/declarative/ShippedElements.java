package dev.elements.declarative;

import dev.elements.core.spi.ElementProvider;

/** The shipped elements, by key, for tests. */
final class ShippedElements {
    private ShippedElements() {
    }

    static ElementProvider named(String key) {
        return DeclarativeElements.shipped().stream()
                .filter(provider -> provider.definition().key().value().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no shipped element " + key));
    }
}
