package dev.elements.core.json;

import java.util.ArrayList;
import java.util.List;

/** A JSON array, unmodifiable. */
public record JsonArray(List<JsonValue> items) implements JsonValue {
    public JsonArray {
        items = List.copyOf(items);
    }

    public static JsonArray of(List<JsonValue> items) {
        return new JsonArray(items);
    }

    public int size() {
        return items.size();
    }

    @Override
    public JsonValue path(int index) {
        return index >= 0 && index < items.size() ? items.get(index) : JsonMissing.INSTANCE;
    }

    /** Items are kept, null ones included: only object members are removed, at any depth. */
    @Override
    public JsonValue withoutNullMembers() {
        List<JsonValue> kept = new ArrayList<>(items.size());
        for (JsonValue item : items) {
            kept.add(item.withoutNullMembers());
        }
        return new JsonArray(kept);
    }
}
