package dev.elements.core.json;

/**
 * What navigation answers where there is nothing: a member that is absent, an index out of range,
 * a step into a value that has no members. It is not JSON, so it refuses to be written; reading it
 * gives every fallback, and navigating from it gives itself.
 */
public final class JsonMissing implements JsonValue {
    public static final JsonMissing INSTANCE = new JsonMissing();

    private JsonMissing() {
    }

    @Override
    public String toString() {
        return "JsonMissing";
    }
}
