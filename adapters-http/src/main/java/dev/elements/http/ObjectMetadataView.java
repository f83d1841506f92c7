package dev.elements.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.elements.core.element.FieldDefinition;
import dev.elements.core.element.ObjectDefinition;
import java.util.List;

/**
 * {@code GET /objects/{objectName}/metadata}: an object's fields with the properties Cloud Elements'
 * metadata always carries ({@code vendorPath}, {@code type}, and {@code format} where there is one)
 * and those it carried when the provider says ({@code vendorReadOnly}, {@code createable},
 * {@code updateable}, {@code description}); docs.cloud-elements.com, "GET {objectName}/metadata".
 */
record ObjectMetadataView(String name, List<Field> fields) {

    static ObjectMetadataView of(ObjectDefinition object) {
        return new ObjectMetadataView(object.name(), object.fields().stream().map(Field::of).toList());
    }

    record Field(String vendorPath, String type, @JsonInclude(JsonInclude.Include.NON_NULL) String format,
            boolean vendorReadOnly, boolean createable, boolean updateable, String description) {

        static Field of(FieldDefinition field) {
            return new Field(field.name(), field.type(), field.type().equals("date") ? "date-time" : null,
                    !field.writable(), field.writable(), field.writable(), field.description());
        }
    }
}
