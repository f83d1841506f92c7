package dev.elements.core.element;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * One hub operation of an element: the path an application calls and the provider path it maps to.
 *
 * @param path the hub path below {@code /hubs/{hub}/}, with {@code {name}} placeholders, such as
 *     {@code user/{id}/friends}
 * @param method the verb the application uses
 * @param vendorPath the provider path, with the same placeholders, such as {@code /{id}/friends}
 * @param vendorMethod the verb sent to the provider
 * @param description what the operation does
 * @param paged whether the operation returns a list that pages
 */
public record ResourceDefinition(
        String path, String method, String vendorPath, String vendorMethod, String description, boolean paged) {

    public ResourceDefinition {
        requireNonNull(path, "path");
        requireNonNull(vendorPath, "vendorPath");
        requireNonNull(description, "description");
        method = requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        vendorMethod = requireNonNull(vendorMethod, "vendorMethod").toUpperCase(Locale.ROOT);
        if (path.startsWith("/")) {
            throw new IllegalArgumentException("A resource path is relative to its hub: " + path);
        }
    }
}
