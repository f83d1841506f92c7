package dev.elements.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schemas (OpenAPI 3.1) of the request and response records, read from the records themselves
 * so that the document cannot drift from what is bound and written: a component per field, under
 * its Jackson name, typed by its Java type; a String is nullable, and a field written only when not
 * null ({@code JsonInclude.NON_NULL}) is optional. A response names every other field as required
 * (Jackson writes each, null or not); a request requires none, since binding checks only types and
 * the commands say what is missing.
 */
final class RecordSchemas {
    private final ObjectMapper mapper;
    private final ObjectNode schemas;
    private final Map<Class<?>, String> names = new HashMap<>();

    /** @param schemas the document's {@code components.schemas}, filled as records are defined */
    RecordSchemas(ObjectMapper mapper, ObjectNode schemas) {
        this.mapper = requireNonNull(mapper, "mapper");
        this.schemas = requireNonNull(schemas, "schemas");
    }

    /** Defines the schema of an answer's record, and of the records it holds; returns a reference to it. */
    ObjectNode response(String name, Class<? extends Record> type) {
        return define(name, type, true);
    }

    /** Defines the schema of a request body's record, and of the records it holds; returns a reference to it. */
    ObjectNode request(String name, Class<? extends Record> type) {
        return define(name, type, false);
    }

    /** A reference to a schema of the document by its name. */
    ObjectNode reference(String name) {
        return mapper.createObjectNode().put("$ref", "#/components/schemas/" + name);
    }

    private ObjectNode define(String name, Class<?> type, boolean response) {
        String known = names.get(type);
        if (known != null) {
            return reference(known);
        }
        if (schemas.has(name)) {
            throw new IllegalStateException("Two schemas named " + name);
        }
        names.put(type, name);
        ObjectNode schema = schemas.putObject(name);
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = mapper.createArrayNode();
        for (RecordComponent component : type.getRecordComponents()) {
            Method accessor = component.getAccessor();
            JsonProperty renamed = accessor.getAnnotation(JsonProperty.class);
            String property = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
            JsonInclude include = accessor.getAnnotation(JsonInclude.class);
            boolean optional = include != null && include.value() == JsonInclude.Include.NON_NULL;
            JsonDeserialize deserialize = accessor.getAnnotation(JsonDeserialize.class);
            if (deserialize != null && deserialize.contentUsing() == BodyBinding.ConfigurationText.class) {
                properties.set(property, configurationValues());
            } else {
                properties.set(property, schemaOf(component.getGenericType(), !optional, name, response));
            }
            if (response && !optional) {
                required.add(property);
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return reference(name);
    }

    private ObjectNode schemaOf(Type type, boolean nullable, String enclosing, boolean response) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                ObjectNode array = mapper.createObjectNode().put("type", "array");
                array.set("items", schemaOf(arguments[0], false, enclosing, response));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode object = mapper.createObjectNode().put("type", "object");
                object.set("additionalProperties", schemaOf(arguments[1], false, enclosing, response));
                return object;
            }
        }
        Class<?> plain = (Class<?>) type;
        if (plain.isRecord()) {
            return define(nestedName(enclosing, plain), plain, response);
        }
        if (plain == String.class) {
            return nullable ? types("string", "null") : mapper.createObjectNode().put("type", "string");
        }
        if (plain == long.class) {
            return mapper.createObjectNode().put("type", "integer").put("format", "int64");
        }
        if (plain == int.class) {
            return mapper.createObjectNode().put("type", "integer").put("format", "int32");
        }
        if (plain == boolean.class) {
            return mapper.createObjectNode().put("type", "boolean");
        }
        if (plain == Boolean.class) {
            return types("boolean", "null");
        }
        if (plain == Long.class || plain == Integer.class || plain == BigInteger.class) {
            return nullable ? types("integer", "null") : mapper.createObjectNode().put("type", "integer");
        }
        if (plain == Object.class || JsonNode.class.isAssignableFrom(plain)) {
            // Any JSON value.
            return mapper.createObjectNode();
        }
        throw new IllegalStateException("No schema for " + plain.getName() + " in " + enclosing
                + "; teach RecordSchemas the type");
    }

    /** {@code ElementView.Resource} of the schema {@code Element} is {@code ElementResource}. */
    private static String nestedName(String enclosing, Class<?> type) {
        String simple = type.getSimpleName();
        String shortened = simple.endsWith("View") ? simple.substring(0, simple.length() - "View".length()) : simple;
        return type.getEnclosingClass() == null ? shortened : enclosing + shortened;
    }

    /** As {@link BodyBinding.ConfigurationText} binds them: any JSON value, kept as text. */
    private ObjectNode configurationValues() {
        ObjectNode object = mapper.createObjectNode().put("type", "object");
        object.put("description", "Configuration values by key: strings, or numbers and booleans in their JSON"
                + " spelling; an object or array is kept as its JSON text, and null clears a value");
        object.putObject("additionalProperties");
        return object;
    }

    private ObjectNode types(String first, String second) {
        ObjectNode schema = mapper.createObjectNode();
        schema.putArray("type").add(first).add(second);
        return schema;
    }
}
