package dev.elements.core.json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A member map made inside this package and handed to exactly one {@link JsonObject}, which can
 * therefore keep it behind an unmodifiable view instead of copying it: parsing a large answer
 * would otherwise build every object's map twice. Its values are never null.
 */
final class OwnedMembers extends LinkedHashMap<String, JsonValue> {
    OwnedMembers() {
    }

    OwnedMembers(Map<String, JsonValue> members) {
        super(members);
    }
}
