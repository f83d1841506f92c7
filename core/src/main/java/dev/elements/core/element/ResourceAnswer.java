package dev.elements.core.element;

import static java.util.Objects.requireNonNull;

/**
 * How the provider's answer to a resource becomes the hub's answer.
 *
 * @param shape {@value #OBJECT} (one object), {@value #LIST} (an array of items that pages), or
 *     the name of a shape the element's plugin makes itself
 * @param pointer where the object or the items are in the provider's answer (a JSON pointer,
 *     {@code ""} for the whole answer); null for the element's default
 */
public record ResourceAnswer(String shape, String pointer) {
    public static final String OBJECT = "object";
    public static final String LIST = "list";

    public ResourceAnswer {
        requireNonNull(shape, "shape");
        if (shape.isBlank()) {
            throw new IllegalArgumentException("An answer shape has a name");
        }
        if (pointer != null && !pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("A JSON pointer is empty or starts with /: " + pointer);
        }
    }

    public static ResourceAnswer object() {
        return new ResourceAnswer(OBJECT, null);
    }

    public static ResourceAnswer list() {
        return new ResourceAnswer(LIST, null);
    }

    public boolean isList() {
        return shape.equals(LIST);
    }
}
