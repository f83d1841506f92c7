package dev.elements.core.json;

/** The JSON literal {@code null}; one instance. */
public final class JsonNull implements JsonValue {
    public static final JsonNull INSTANCE = new JsonNull();

    private JsonNull() {
    }

    @Override
    public String toString() {
        return "JsonNull";
    }
}
