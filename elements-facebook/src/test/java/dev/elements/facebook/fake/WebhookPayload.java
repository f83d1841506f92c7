package dev.elements.facebook.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds webhook bodies shaped like Facebook's:
 * {@code {"object":"page","entry":[{"id","time","changes":[{"field","value"}]}]}}. Changes for the same object id
 * share one entry, as Facebook batches them.
 *
 * <pre>{@code
 * String body = WebhookPayload.page()
 *         .change(page.id(), fb.now(), "feed", Map.of("item", "status", "verb", "add", "post_id", post.id()))
 *         .toJson();
 * }</pre>
 */
public final class WebhookPayload {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String object;
    private final Map<String, ObjectNode> entriesById = new LinkedHashMap<>();

    private WebhookPayload(String object) {
        this.object = object;
    }

    /** A payload for {@code object: "page"} subscriptions (feed, mentions, ...). */
    public static WebhookPayload page() {
        return of("page");
    }

    /** A payload for {@code object: "user"} subscriptions. */
    public static WebhookPayload user() {
        return of("user");
    }

    /** A payload for any subscription object, e.g. {@code permissions} or {@code application}. */
    public static WebhookPayload of(String object) {
        return new WebhookPayload(object);
    }

    /**
     * Adds a change to the entry of {@code objectId}.
     *
     * @param value anything Jackson can write: a map, a record, a JsonNode, a string
     */
    public WebhookPayload change(String objectId, Instant time, String field, Object value) {
        ObjectNode entry = entriesById.computeIfAbsent(objectId, id -> {
            ObjectNode created = MAPPER.createObjectNode();
            created.put("id", id);
            created.put("time", time.getEpochSecond());
            created.putArray("changes");
            return created;
        });
        ObjectNode change = ((ArrayNode) entry.get("changes")).addObject();
        change.put("field", field);
        change.set("value", MAPPER.valueToTree(value));
        return this;
    }

    /** A new post on a page's feed: {@code field: "feed"}, {@code item: "status"}, {@code verb: "add"}. */
    public WebhookPayload feedPostAdded(FakePost post) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("item", "status");
        value.put("verb", "add");
        value.put("post_id", post.id());
        value.put("published", 1);
        value.put("created_time", post.createdTime().getEpochSecond());
        value.put("message", post.message());
        value.put("from", profile(post.fromId(), post.fromName()));
        return change(post.ownerId(), post.createdTime(), "feed", value);
    }

    /** A new comment on a post of a page's feed: {@code field: "feed"}, {@code item: "comment"}. */
    public WebhookPayload feedCommentAdded(FakePost post, FakeComment comment) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("item", "comment");
        value.put("verb", "add");
        value.put("comment_id", comment.id());
        value.put("post_id", post.id());
        value.put("parent_id", comment.objectId());
        value.put("created_time", comment.createdTime().getEpochSecond());
        value.put("message", comment.message());
        value.put("from", profile(comment.fromId(), comment.fromName()));
        return change(post.ownerId(), comment.createdTime(), "feed", value);
    }

    private static Map<String, Object> profile(String id, String name) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", id);
        profile.put("name", name);
        return profile;
    }

    /** The JSON text, escaped as Facebook sends it (see {@link #escapeLikeFacebook}). */
    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("object", object);
        ArrayNode entries = root.putArray("entry");
        entriesById.values().forEach(entries::add);
        try {
            return escapeLikeFacebook(MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /**
     * Facebook's bodies are PHP-style JSON: non-ASCII characters as unicode escapes with lowercase hex digits (a
     * backslash, {@code u} and four digits) and slashes preceded by a backslash. A receiver that re-serializes the
     * JSON before checking the signature fails on such bodies, as it would in production; one that checks the raw
     * bytes passes. Both characters can only occur inside JSON strings, so escaping them everywhere is safe.
     */
    static String escapeLikeFacebook(String json) {
        StringBuilder escaped = new StringBuilder(json.length() + 16);
        for (int index = 0; index < json.length(); index++) {
            char character = json.charAt(index);
            if (character == '/') {
                escaped.append("\\/");
            } else if (character > 0x7E) {
                escaped.append(String.format("\\u%04x", (int) character));
            } else {
                escaped.append(character);
            }
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
