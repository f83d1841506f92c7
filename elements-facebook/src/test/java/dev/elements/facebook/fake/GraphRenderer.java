package dev.elements.facebook.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes nodes and connections as Graph JSON: field selection, cursor paging with absolute {@code next} and
 * {@code previous} URLs pointing back at the fake, and summaries.
 */
final class GraphRenderer {

    static final int DEFAULT_LIMIT = 25;
    /** Facebook caps most edges at 100 rows a page whatever {@code limit} asks for. */
    static final int MAX_LIMIT = 100;

    /** Parameters that must not be copied into paging URLs: the cursor ones are replaced, the proofs re-computed. */
    private static final Set<String> NOT_CARRIED = Set.of("access_token", "limit", "after", "before",
            "appsecret_proof", "appsecret_time", "method");

    private final GraphNodes nodes;

    GraphRenderer(GraphNodes nodes) {
        this.nodes = nodes;
    }

    /**
     * Where paging links point and which token they carry.
     *
     * @param graphRoot e.g. {@code http://127.0.0.1:1234/v25.0}
     * @param accessToken the caller's token, which Facebook embeds in paging URLs
     */
    record Links(String graphRoot, String accessToken) {
    }

    /**
     * One connection request.
     *
     * @param limit rows per page
     * @param after cursor to continue after, or null
     * @param before cursor to go back from, or null
     * @param summary whether {@code summary=true} was asked
     * @param fields the row fields, or null for the edge's defaults
     * @param carried other parameters to repeat in paging URLs
     * @param options edge options such as {@code order}
     */
    record EdgeQuery(int limit, String after, String before, boolean summary, List<FieldRequest> fields,
                     Map<String, String> carried, Map<String, String> options) {

        /** The query of a top-level edge call, read from the request parameters. */
        static EdgeQuery fromParameters(Map<String, String> parameters) {
            Map<String, String> carried = new LinkedHashMap<>();
            parameters.forEach((name, value) -> {
                if (!NOT_CARRIED.contains(name)) {
                    carried.put(name, value);
                }
            });
            return new EdgeQuery(limitOf(parameters.get("limit")), parameters.get("after"), parameters.get("before"),
                    isTrue(parameters.get("summary")), FieldSelection.parse(parameters.get("fields")), carried,
                    parameters);
        }

        /** The query of an edge asked for as a field, e.g. {@code comments.limit(5).summary(true){message}}. */
        static EdgeQuery fromField(FieldRequest field) {
            Map<String, String> carried = new LinkedHashMap<>();
            if (field.subfieldsText() != null) {
                carried.put("fields", field.subfieldsText());
            }
            field.modifiers().forEach((name, value) -> {
                if (!NOT_CARRIED.contains(name)) {
                    carried.put(name, value);
                }
            });
            Map<String, String> modifiers = field.modifiers();
            return new EdgeQuery(limitOf(modifiers.get("limit")), modifiers.get("after"), modifiers.get("before"),
                    isTrue(modifiers.get("summary")), field.subfields(), carried, modifiers);
        }
    }

    ObjectNode node(GraphNode node, List<FieldRequest> selection, Viewer viewer, Links links) {
        ObjectNode result = Json.object();
        List<FieldRequest> fields = selection != null ? selection : defaultsOf(node);
        for (FieldRequest field : fields) {
            String name = field.name();
            JsonNode value = node.values().get(name);
            if (value != null) {
                result.set(name, field.subfields() == null ? value : narrow(value, field.subfields()));
            } else if (node.edges().contains(name)) {
                result.set(name, connection(node, name, EdgeQuery.fromField(field), viewer, links));
            } else if (!node.silentFields().contains(name)) {
                throw new GraphException(GraphError.of(100,
                        "(#100) Tried accessing nonexisting field (" + name + ") on node type (" + node.type() + ")"));
            }
        }
        // Facebook always adds the id, even when it was not asked for.
        if (node.id() != null && !result.has("id")) {
            result.put("id", node.id());
        }
        return result;
    }

    ObjectNode connection(GraphNode owner, String edge, EdgeQuery query, Viewer viewer, Links links) {
        EdgeContents contents = nodes.edge(owner, edge, query.options(), viewer);
        List<EdgeContents.Item> items = contents.items();
        ObjectNode result = Json.object();
        ArrayNode data = result.putArray("data");
        if (!contents.paged()) {
            items.forEach(item -> data.add(node(item.node(), query.fields(), viewer, links)));
            return result;
        }
        int start;
        int end;
        if (query.after() != null) {
            long cursor = decodeCursor(query.after(), "after");
            start = firstIndexPast(items, cursor, contents.newestFirst());
            end = Math.min(items.size(), start + query.limit());
        } else if (query.before() != null) {
            long cursor = decodeCursor(query.before(), "before");
            end = firstIndexAtOrPast(items, cursor, contents.newestFirst());
            start = Math.max(0, end - query.limit());
        } else {
            start = 0;
            end = Math.min(items.size(), query.limit());
        }
        List<EdgeContents.Item> page = items.subList(start, end);
        page.forEach(item -> data.add(node(item.node(), query.fields(), viewer, links)));
        if (!page.isEmpty()) {
            ObjectNode paging = result.putObject("paging");
            ObjectNode cursors = paging.putObject("cursors");
            String before = encodeCursor(page.get(0).sequence());
            String after = encodeCursor(page.get(page.size() - 1).sequence());
            cursors.put("before", before);
            cursors.put("after", after);
            String edgeUrl = links.graphRoot() + "/" + owner.id() + "/" + edge;
            if (start > 0) {
                paging.put("previous", pagingUrl(edgeUrl, query, links, "before", before));
            }
            if (end < items.size()) {
                paging.put("next", pagingUrl(edgeUrl, query, links, "after", after));
            }
        }
        if (contents.summary() != null && (contents.summaryAlways() || query.summary())) {
            result.set("summary", contents.summary());
        }
        return result;
    }

    private static List<FieldRequest> defaultsOf(GraphNode node) {
        List<FieldRequest> defaults = new ArrayList<>();
        for (String name : node.defaultFields()) {
            defaults.add(new FieldRequest(name, Map.of(), null, null));
        }
        return defaults;
    }

    /** {@code from{name}} keeps only the named keys of an object value. */
    private static JsonNode narrow(JsonNode value, List<FieldRequest> subfields) {
        if (!value.isObject()) {
            return value;
        }
        ObjectNode narrowed = Json.object();
        for (FieldRequest subfield : subfields) {
            JsonNode inner = value.get(subfield.name());
            if (inner != null) {
                narrowed.set(subfield.name(), subfield.subfields() == null ? inner : narrow(inner, subfield.subfields()));
            }
        }
        return narrowed;
    }

    private static int firstIndexPast(List<EdgeContents.Item> items, long cursor, boolean newestFirst) {
        for (int index = 0; index < items.size(); index++) {
            long sequence = items.get(index).sequence();
            if (newestFirst ? sequence < cursor : sequence > cursor) {
                return index;
            }
        }
        return items.size();
    }

    private static int firstIndexAtOrPast(List<EdgeContents.Item> items, long cursor, boolean newestFirst) {
        for (int index = 0; index < items.size(); index++) {
            long sequence = items.get(index).sequence();
            if (newestFirst ? sequence <= cursor : sequence >= cursor) {
                return index;
            }
        }
        return items.size();
    }

    private static String pagingUrl(String edgeUrl, EdgeQuery query, Links links, String cursorName, String cursor) {
        StringBuilder url = new StringBuilder(edgeUrl).append('?');
        if (links.accessToken() != null) {
            appendParameter(url, "access_token", links.accessToken());
        }
        query.carried().forEach((name, value) -> appendParameter(url, name, value));
        appendParameter(url, "limit", Integer.toString(query.limit()));
        appendParameter(url, cursorName, cursor);
        return url.toString();
    }

    private static void appendParameter(StringBuilder url, String name, String value) {
        if (url.charAt(url.length() - 1) != '?') {
            url.append('&');
        }
        url.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /** Cursors are base64 of the row's sequence number: opaque to clients, stable across deletions. */
    static String encodeCursor(long sequence) {
        return Base64.getEncoder().encodeToString(Long.toString(sequence).getBytes(StandardCharsets.US_ASCII));
    }

    private static long decodeCursor(String cursor, String parameter) {
        try {
            return Long.parseLong(new String(Base64.getDecoder().decode(cursor.trim()), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException notOurs) {
            throw new GraphException(GraphError.of(100, "(#100) The " + parameter + " cursor is not valid"));
        }
    }

    private static int limitOf(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(text.trim())));
        } catch (NumberFormatException notANumber) {
            throw new GraphException(GraphError.of(100, "(#100) Param limit must be a number"));
        }
    }

    private static boolean isTrue(String text) {
        return text != null && (text.equalsIgnoreCase("true") || text.equals("1") || text.equals("total_count"));
    }
}
