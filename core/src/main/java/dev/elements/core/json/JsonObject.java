package dev.elements.core.json;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object: members in the order written, unmodifiable. Where the input repeats a name the
 * last value wins, in the place of the first (as Jackson does).
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
    public JsonObject {
        members = Collections.unmodifiableMap(
                members instanceof OwnedMembers ? members : checkedCopy(requireNonNull(members, "members")));
    }

    public static JsonObject of(Map<String, JsonValue> members) {
        return new JsonObject(members);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<String> names() {
        return members.keySet();
    }

    public int size() {
        return members.size();
    }

    /** This object less the named members. */
    public JsonObject without(Set<String> names) {
        requireNonNull(names, "names");
        OwnedMembers kept = new OwnedMembers(members);
        kept.keySet().removeAll(names);
        return new JsonObject(kept);
    }

    @Override
    public JsonValue path(String member) {
        JsonValue value = members.get(member);
        return value == null ? JsonMissing.INSTANCE : value;
    }

    @Override
    public JsonValue withoutNullMembers() {
        OwnedMembers kept = new OwnedMembers();
        members.forEach((name, value) -> {
            if (!value.isNull()) {
                kept.put(name, value.withoutNullMembers());
            }
        });
        return new JsonObject(kept);
    }

    private static OwnedMembers checkedCopy(Map<String, JsonValue> members) {
        OwnedMembers copy = new OwnedMembers(members);
        copy.forEach((name, value) -> {
            requireNonNull(name, "a member name");
            requireNonNull(value, "a member's value (use JsonNull.INSTANCE)");
        });
        return copy;
    }

    /** Builds an object in insertion order; a null value is written as JSON null, as Jackson's put does. */
    public static final class Builder {
        private final Map<String, JsonValue> members = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String name, JsonValue value) {
            members.put(requireNonNull(name, "name"), value == null ? JsonNull.INSTANCE : value);
            return this;
        }

        public Builder put(String name, String value) {
            return put(name, value == null ? JsonNull.INSTANCE : new JsonString(value));
        }

        public Builder put(String name, long value) {
            return put(name, JsonNumber.of(value));
        }

        public Builder put(String name, boolean value) {
            return put(name, JsonBoolean.of(value));
        }

        public JsonObject build() {
            return new JsonObject(members);
        }
    }
}
