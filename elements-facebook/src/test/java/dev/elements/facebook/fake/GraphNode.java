package dev.elements.facebook.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Graph object as one viewer sees it.
 *
 * @param type the node type named in errors, e.g. {@code User}, {@code Page}, {@code Post}
 * @param id the object id, or null for rows that are not objects (permissions)
 * @param values the fields this viewer can read, in Facebook's order
 * @param silentFields fields that exist on the type but are empty or hidden here; asking for them is no error
 * @param defaultFields what a request without {@code fields} gets
 * @param edges connections reachable as {@code /{id}/{edge}} or as a field
 */
record GraphNode(String type, String id, Map<String, JsonNode> values, Set<String> silentFields,
                 List<String> defaultFields, Set<String> edges) {

    /** The same node listed under another default field set, as an edge shows it. */
    GraphNode withDefaults(List<String> newDefaults) {
        return new GraphNode(type, id, values, silentFields, newDefaults, edges);
    }

    /** The same node with one more field, e.g. {@code created_time} of a like. */
    GraphNode withValue(String name, JsonNode value) {
        Map<String, JsonNode> copy = new java.util.LinkedHashMap<>(values);
        copy.put(name, value);
        return new GraphNode(type, id, copy, silentFields, defaultFields, edges);
    }
}
