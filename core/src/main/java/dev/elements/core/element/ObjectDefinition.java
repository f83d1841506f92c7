package dev.elements.core.element;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One kind of thing an element's resources answer with (a user, a post, a comment), as
 * {@code GET /objects} lists it and {@code GET /objects/{objectName}/metadata} describes it.
 *
 * @param name the object's name, unique within its element, such as {@code user}
 * @param description what the object is
 * @param fields its fields, in the order the provider usually answers them
 */
public record ObjectDefinition(String name, String description, List<FieldDefinition> fields) {
    public ObjectDefinition {
        requireNonNull(name, "name");
        requireNonNull(description, "description");
        fields = List.copyOf(fields);
        if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("An object name is a letter then letters, digits, _ or -: " + name);
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("The object " + name + " declares no fields");
        }
        Set<String> names = new HashSet<>();
        for (FieldDefinition field : fields) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("The object " + name + " declares field " + field.name()
                        + " twice");
            }
        }
    }
}
