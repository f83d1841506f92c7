package dev.elements.core.element;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * One field of an element's object, as {@code GET /objects/{objectName}/metadata} shows it.
 *
 * @param name the field's name in the provider's answers (Cloud Elements' {@code vendorPath})
 * @param type one of {@link #TYPES}: the JSON type of its value, {@code date} for a timestamp in a string
 * @param writable whether an application may send it when creating or changing the object; false for
 *     what the provider sets itself (ids, creation times)
 * @param description what the field holds
 */
public record FieldDefinition(String name, String type, boolean writable, String description) {
    /** The field types Cloud Elements' object metadata uses. */
    public static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "date", "object",
            "array");

    public FieldDefinition {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(description, "description");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A field has a name");
        }
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("The field " + name + " has type " + type + "; a type is one of "
                    + new java.util.TreeSet<>(TYPES));
        }
    }

    /** A field the provider sets, which an application reads but never sends. */
    public static FieldDefinition readOnly(String name, String type, String description) {
        return new FieldDefinition(name, type, false, description);
    }

    /** A field an application may send. */
    public static FieldDefinition writable(String name, String type, String description) {
        return new FieldDefinition(name, type, true, description);
    }
}
