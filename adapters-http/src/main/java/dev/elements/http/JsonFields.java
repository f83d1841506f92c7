package dev.elements.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads typed fields out of a request object and collects every wrong type, so that one 400 names
 * them all. Absent and {@code null} fields read as null; whether they are required is the
 * command's business. Messages name fields by their JSON path and never quote a value.
 */
final class JsonFields {
    private final List<String> problems = new ArrayList<>();

    String string(JsonNode parent, String name, String path) {
        return typed(parent, name, path, JsonNode::isTextual, JsonNode::textValue, "a string");
    }

    /** An integral number, as text; the commands take element references as text. */
    String integer(JsonNode parent, String name, String path) {
        return typed(parent, name, path, JsonNode::isIntegralNumber, node -> node.bigIntegerValue().toString(),
                "a number");
    }

    Boolean bool(JsonNode parent, String name, String path) {
        return typed(parent, name, path, JsonNode::isBoolean, JsonNode::booleanValue, "a boolean");
    }

    ObjectNode object(JsonNode parent, String name, String path) {
        return typed(parent, name, path, ObjectNode.class::isInstance, ObjectNode.class::cast, "an object");
    }

    /** The field read as {@code T} when it is of the right kind; otherwise null and a problem naming it. */
    private <T> T typed(JsonNode parent, String name, String path, Predicate<JsonNode> fits,
            Function<JsonNode, T> read, String kind) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            return null;
        }
        if (fits.test(node)) {
            return read.apply(node);
        }
        problems.add(path + " must be " + kind);
        return null;
    }

    List<String> strings(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            return null;
        }
        if (!node.isArray()) {
            problems.add(path + " must be an array of strings");
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item.isTextual()) {
                values.add(item.textValue());
            } else {
                problems.add(path + "[" + i + "] must be a string");
            }
        }
        return values;
    }

    /**
     * An object of configuration values. Cloud Elements sends them as strings; numbers and booleans
     * are taken in their JSON spelling, {@code null} clears a value, anything else is refused.
     */
    Map<String, String> stringMap(JsonNode parent, String name, String path) {
        ObjectNode object = object(parent, name, path);
        if (object == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                values.put(field.getKey(), null);
            } else if (value.isTextual()) {
                values.put(field.getKey(), value.textValue());
            } else if (value.isNumber() || value.isBoolean()) {
                values.put(field.getKey(), value.asText());
            } else {
                problems.add(path + "." + field.getKey() + " must be a string");
            }
        });
        return values;
    }

    /** @throws PlatformException naming every field of a wrong type */
    void orThrow() {
        if (!problems.isEmpty()) {
            throw new PlatformException(ErrorCode.INVALID_FIELD, String.join("; ", problems));
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }
}
