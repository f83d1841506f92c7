package dev.elements.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/** One shared, thread-safe mapper for the plugin. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The parsed body, or empty when it is not JSON (Facebook sometimes answers with HTML). */
    static Optional<JsonNode> read(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A copy without the object members whose value is {@code null}, at any depth
     * ({@code filter.response.nulls}); array elements keep their places, nulls included.
     */
    static JsonNode withoutNullMembers(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = MAPPER.createObjectNode();
            node.properties().forEach(member -> {
                if (!member.getValue().isNull()) {
                    copy.set(member.getKey(), withoutNullMembers(member.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            node.forEach(item -> copy.add(withoutNullMembers(item)));
            return copy;
        }
        return node;
    }
}
