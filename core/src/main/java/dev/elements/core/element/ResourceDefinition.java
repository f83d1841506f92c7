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
 * @param fixedQuery parameters sent to the provider with every call; they win over the application's
 * @param answer how the provider's answer is shaped; a list exactly when {@code paged}
 * @param takesUploads whether the resource also takes {@code multipart/form-data} bodies (a file and
 *     its fields), passed to the provider as they came, under the platform's upload size limit
 *     rather than its body limit
 * @param replacement for a resource Cloud Elements had whose provider endpoint is gone: what took
 *     its place, for the 410 that answers every call of it (nothing is sent to the provider);
 *     null for a resource that is served
 */
public record ResourceDefinition(
        String path, String method, String vendorPath, String vendorMethod, String description, boolean paged,
        Map<String, ParameterShape> parameterShapes, Map<String, String> fixedQuery, ResourceAnswer answer,
        boolean takesUploads, String replacement) {

    public ResourceDefinition {
        requireNonNull(path, "path");
        parameterShapes = Map.copyOf(requireNonNull(parameterShapes, "parameterShapes"));
        fixedQuery = Map.copyOf(requireNonNull(fixedQuery, "fixedQuery"));
        requireNonNull(answer, "answer");
        if (paged != answer.isList()) {
            throw new IllegalArgumentException("A resource pages exactly when it answers a list: " + path);
        }
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
        if (replacement != null && replacement.isBlank()) {
            throw new IllegalArgumentException("A removed resource names what replaced it: " + path);
        }
    }

    /** A served resource that takes no uploads. */
    public ResourceDefinition(String path, String method, String vendorPath, String vendorMethod, String description,
            boolean paged, Map<String, ParameterShape> parameterShapes, Map<String, String> fixedQuery,
            ResourceAnswer answer) {
        this(path, method, vendorPath, vendorMethod, description, paged, parameterShapes, fixedQuery, answer, false,
                null);
    }

    /** A resource whose placeholders take any single path segment. */
    public ResourceDefinition(String path, String method, String vendorPath, String vendorMethod, String description,
            boolean paged) {
        this(path, method, vendorPath, vendorMethod, description, paged, Map.of(), Map.of(),
                paged ? ResourceAnswer.list() : ResourceAnswer.object());
    }

    /** The same resource, whose placeholder {@code name} must have {@code shape}. */
    public ResourceDefinition withParameterShape(String name, ParameterShape shape) {
        Map<String, ParameterShape> shapes = new java.util.LinkedHashMap<>(parameterShapes);
        shapes.put(name, shape);
        return new ResourceDefinition(path, method, vendorPath, vendorMethod, description, paged, shapes, fixedQuery,
                answer, takesUploads, replacement);
    }

    /** The same resource, sending {@code query} to the provider with every call. */
    public ResourceDefinition withFixedQuery(Map<String, String> query) {
        return new ResourceDefinition(path, method, vendorPath, vendorMethod, description, paged, parameterShapes,
                query, answer, takesUploads, replacement);
    }

    /** The same resource, shaping the provider's answer as {@code shaped} says. */
    public ResourceDefinition withAnswer(ResourceAnswer shaped) {
        return new ResourceDefinition(path, method, vendorPath, vendorMethod, description, paged, parameterShapes,
                fixedQuery, shaped, takesUploads, replacement);
    }

    /** The same resource, also taking {@code multipart/form-data} uploads. */
    public ResourceDefinition withUploads() {
        return new ResourceDefinition(path, method, vendorPath, vendorMethod, description, paged, parameterShapes,
                fixedQuery, answer, true, replacement);
    }

    /** The same resource, answered 410 naming {@code replacedBy}: the provider removed it. */
    public ResourceDefinition removedByProvider(String replacedBy) {
        return new ResourceDefinition(path, method, vendorPath, vendorMethod, description, paged, parameterShapes,
                fixedQuery, answer, takesUploads, requireNonNull(replacedBy, "replacedBy"));
    }

    /** Whether the provider still serves the resource. */
    public boolean served() {
        return replacement == null;
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
