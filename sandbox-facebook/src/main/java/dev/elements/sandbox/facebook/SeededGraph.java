package dev.elements.sandbox.facebook;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's made-up social graph: Graph objects by id and the edges between them, newest
 * first. One user with 65 posts (so that a list shows several pages), comments, likes, friends,
 * photos and a page the user manages. What a demo writes lives until the demo stops.
 */
final class SeededGraph {
    static final String USER_ID = "10000000000001";
    static final String USER_NAME = "Demo User";
    static final String PAGE_ID = "20000000000001";
    static final int POSTS = 65;
    /** The fields each kind of object has, and the ones Graph returns when none are asked for. */
    static final Map<String, Set<String>> FIELDS = Map.of(
            "user", Set.of("id", "name", "first_name", "last_name", "email", "short_name"),
            "page", Set.of("id", "name", "category", "about", "fan_count", "link", "tasks", "access_token"),
            "post", Set.of("id", "message", "created_time", "from", "status_type"),
            "comment", Set.of("id", "message", "created_time", "from"),
            "photo", Set.of("id", "name", "created_time", "from"),
            "video", Set.of("id", "title", "description", "created_time"));
    static final Map<String, List<String>> DEFAULT_FIELDS = Map.of(
            "user", List.of("id", "name"),
            "page", List.of("id", "name", "category", "tasks"),
            "post", List.of("id", "message", "created_time"),
            "comment", List.of("id", "message", "created_time", "from"),
            "photo", List.of("id", "name", "created_time"),
            "video", List.of("id", "title", "created_time"));
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx")
            .withZone(ZoneOffset.UTC);
    private static final Instant SEEDED_AT = Instant.parse("2026-01-15T09:00:00Z");
    private static final List<String> FRIENDS = List.of("Ada Lovelace", "Grace Hopper", "Alan Turing",
            "Katherine Johnson", "Edsger Dijkstra");

    /** A Graph object: its kind (a key of {@link #FIELDS}) and its fields. */
    record GraphObject(String kind, Map<String, Object> fields) {
        String id() {
            return (String) fields.get("id");
        }
    }

    private final Map<String, GraphObject> objects = new HashMap<>();
    /** {@code owner id + "/" + edge} to the ids on that edge, newest first. */
    private final Map<String, List<String>> edges = new HashMap<>();
    private final AtomicLong nextId = new AtomicLong(90000000000001L);

    SeededGraph() {
        Map<String, Object> me = user(USER_ID, USER_NAME);
        me.put("email", "demo.user@example.com");
        add("user", me);
        for (int i = 0; i < FRIENDS.size(); i++) {
            String friendId = Long.toString(10000000000002L + i);
            add("user", user(friendId, FRIENDS.get(i)));
            link(USER_ID, "friends", friendId);
        }
        add("page", page(PAGE_ID, "Demo Bakery", "Bakery"));
        add("page", page("20000000000002", "Elements Fans", "Community"));
        link(USER_ID, "accounts", PAGE_ID);
        link(USER_ID, "likes", PAGE_ID);
        link(USER_ID, "likes", "20000000000002");
        for (int n = POSTS; n >= 1; n--) {
            seedPost(n);
        }
        for (int n = 1; n <= 8; n++) {
            Map<String, Object> photo = new LinkedHashMap<>();
            photo.put("id", Long.toString(50000000000000L + n));
            photo.put("name", "Demo photo " + n);
            photo.put("created_time", time(SEEDED_AT.minusSeconds(86_400L * n)));
            photo.put("from", reference(USER_ID));
            add("photo", photo);
            link(USER_ID, "photos", (String) photo.get("id"));
        }
        for (int n = 3; n >= 1; n--) {
            Map<String, Object> post = post(PAGE_ID + "_" + (70000000000000L + n), "Fresh bread, batch " + n,
                    SEEDED_AT.minusSeconds(7200L * n), PAGE_ID);
            add("post", post);
            link(PAGE_ID, "posts", (String) post.get("id"));
        }
    }

    /** Post n of the user's: the newest is number {@link #POSTS}; every fifth has comments, every third likes. */
    private void seedPost(int n) {
        String postId = USER_ID + "_" + (30000000000000L + n);
        add("post", post(postId, "Demo post #" + n, SEEDED_AT.minusSeconds(3600L * (POSTS - n)), USER_ID));
        link(USER_ID, "posts", postId);
        if (n % 5 == 0) {
            for (int c = 1; c <= 3; c++) {
                String author = Long.toString(10000000000001L + c);
                Map<String, Object> comment = new LinkedHashMap<>();
                comment.put("id", (30000000000000L + n) + "_" + (40000000000000L + n * 10L + c));
                comment.put("message", "Comment " + c + " on post #" + n);
                comment.put("created_time", time(SEEDED_AT.minusSeconds(3600L * (POSTS - n) - 60L * c)));
                comment.put("from", reference(author));
                add("comment", comment);
                edges.computeIfAbsent(postId + "/comments", key -> new ArrayList<>()).add((String) comment.get("id"));
            }
        }
        if (n % 3 == 0) {
            for (int f = 0; f < 1 + n % 4; f++) {
                link(postId, "likes", Long.toString(10000000000002L + f));
            }
        }
    }

    synchronized Optional<GraphObject> find(String id) {
        return Optional.ofNullable(objects.get(id));
    }

    /** The ids on an edge, newest first, or empty when the object has no such edge. */
    synchronized Optional<List<String>> edge(String ownerId, String edge) {
        if (!objects.containsKey(ownerId)) {
            return Optional.empty();
        }
        List<String> ids = edges.get(ownerId + "/" + edge);
        return Optional.of(ids == null ? List.of() : List.copyOf(ids));
    }

    /**
     * A new post on a feed, comment on a post or photo on a page, first on its edge; answers its id.
     * Posts and comments have Graph's {@code owner_object} ids, photos plain ones.
     */
    synchronized String write(String ownerId, String edge, String kind, String text, String authorId, Instant at) {
        long number = nextId.getAndIncrement();
        String id = "photo".equals(kind) ? Long.toString(number)
                : ownerId.substring(ownerId.indexOf('_') + 1) + "_" + number;
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", id);
        object.put("photo".equals(kind) ? "name" : "message", text);
        object.put("created_time", time(at));
        object.put("from", reference(authorId));
        add(kind, object);
        edges.computeIfAbsent(ownerId + "/" + edge, key -> new ArrayList<>()).add(0, id);
        return id;
    }

    /** Adds (or, with {@code present} false, takes back) {@code memberId} on an edge; a repeat changes nothing. */
    synchronized void toggle(String ownerId, String edge, String memberId, boolean present) {
        List<String> ids = edges.computeIfAbsent(ownerId + "/" + edge, key -> new ArrayList<>());
        ids.remove(memberId);
        if (present) {
            ids.add(0, memberId);
        }
    }

    synchronized boolean delete(String id) {
        if (objects.remove(id) == null) {
            return false;
        }
        edges.values().forEach(ids -> ids.remove(id));
        return true;
    }

    /** {@code {id, name}} of an object, as Graph nests a post's author. */
    synchronized Map<String, Object> reference(String id) {
        GraphObject object = objects.get(id);
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("id", id);
        reference.put("name", object == null ? "" : object.fields().get("name"));
        return reference;
    }

    static String time(Instant instant) {
        return GRAPH_TIME.format(instant);
    }

    static long epochSeconds(String graphTime) {
        return java.time.OffsetDateTime.parse(graphTime, GRAPH_TIME).toEpochSecond();
    }

    private void add(String kind, Map<String, Object> fields) {
        objects.put((String) fields.get("id"), new GraphObject(kind, fields));
    }

    private void link(String ownerId, String edge, String memberId) {
        edges.computeIfAbsent(ownerId + "/" + edge, key -> new ArrayList<>()).add(memberId);
    }

    private Map<String, Object> post(String id, String message, Instant created, String authorId) {
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("id", id);
        post.put("message", message);
        post.put("created_time", time(created));
        post.put("from", reference(authorId));
        post.put("status_type", "mobile_status_update");
        return post;
    }

    private static Map<String, Object> user(String id, String name) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id);
        user.put("name", name);
        user.put("first_name", name.substring(0, name.indexOf(' ')));
        user.put("last_name", name.substring(name.indexOf(' ') + 1));
        user.put("short_name", name.substring(0, name.indexOf(' ')));
        return user;
    }

    private static Map<String, Object> page(String id, String name, String category) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", id);
        page.put("name", name);
        page.put("category", category);
        page.put("about", "A made-up page of the Elements demo");
        page.put("fan_count", 42);
        page.put("link", "https://www.facebook.com/" + id);
        page.put("tasks", List.of("ADVERTISE", "ANALYZE", "CREATE_CONTENT", "MESSAGING", "MODERATE", "MANAGE"));
        return page;
    }
}
