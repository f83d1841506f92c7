package dev.elements.core.hub;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query parameters as a client sent them: names in order, each with its values in order. */
public final class QueryParameters {
    private QueryParameters() {
    }

    /** An unmodifiable deep copy that keeps the order of names and values. */
    public static Map<String, List<String>> copyOf(Map<String, List<String>> query) {
        Map<String, List<String>> copied = new LinkedHashMap<>();
        query.forEach((name, values) -> copied.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copied);
    }
}
