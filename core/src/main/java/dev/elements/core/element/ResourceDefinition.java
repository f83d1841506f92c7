package dev.elements.core.element;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
 * @param parameterShapes what the values of placeholders must look like, by placeholder name; a
 *     placeholder without a shape takes any single path segment
 */
public record ResourceDefinition(
        String path, String method, String vendorPath, String vendorMethod, String description, boolean paged,
        Map<String, ParameterShape> parameterShapes) {

    public ResourceDefinition {
        requireNonNull(path, "path");
        parameterShapes = Map.copyOf(requireNonNull(parameterShapes, "parameterShapes"));
        requireNonNull(vendorPath, "vendorPath");
        requireNonNull(description, "description");
        method = requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        vendorMethod = requireNonNull(vendorMethod, "vendorMethod").toUpperCase(Locale.ROOT);
        if (path.startsWith("/")) {
            throw new IllegalArgumentException("A resource path is relative to its hub: " + path);
        }
        for (String name : parameterShapes.keySet()) {
            if (!path.contains("{" + name + "}")) {
                throw new IllegalArgumentException("A shape for {" + name + "}, which " + path + " does not have");
            }
        }
    }

    /** A resource whose placeholders take any single path segment. */
    public ResourceDefinition(String path, String method, String vendorPath, String vendorMethod, String description,
            boolean paged) {
        this(path, method, vendorPath, vendorMethod, description, paged, Map.of());
    }

    /** The same resource, whose placeholder {@code name} must have {@code shape}. */
    public ResourceDefinition withParameterShape(String name, ParameterShape shape) {
        Map<String, ParameterShape> shapes = new java.util.LinkedHashMap<>(parameterShapes);
        shapes.put(name, shape);
        return new ResourceDefinition(path, method, vendorPath, vendorMethod, description, paged, shapes);
    }

    /**
     * Empty when {@code value} may stand for placeholder {@code name}, else the refusal, naming the
     * placeholder and never quoting the value.
     */
    public Optional<String> problemWithParameter(String name, String value) {
        ParameterShape shape = parameterShapes.get(name);
        if (shape == null || shape.accepts(value)) {
            return Optional.empty();
        }
        return Optional.of("The path parameter {" + name + "} of " + path + " must be " + shape.description());
    }
}
