package dev.elements.facebook.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Builds Graph nodes and connections from the social graph, as one viewer may see them. Guarded by the fake's lock.
 */
final class GraphNodes {

    static final List<String> PAGE_TASKS =
            List.of("ADVERTISE", "ANALYZE", "CREATE_CONTENT", "MESSAGING", "MODERATE", "MANAGE");

    private static final Set<String> USER_EDGES =
            Set.of("friends", "permissions", "accounts", "photos", "videos", "likes", "posts", "feed");
    private static final Set<String> PAGE_EDGES = Set.of("feed", "posts", "photos", "videos");
    private static final Set<String> CONTENT_EDGES = Set.of("comments", "likes");

    /** Fields Facebook has on users but the fake keeps empty; asking for them is allowed and returns nothing. */
    private static final Set<String> SILENT_USER_FIELDS = Set.of("email", "birthday", "gender", "link", "location",
            "hometown", "age_range", "middle_name", "locale", "timezone", "updated_time", "verified", "website",
            "languages", "significant_other", "relationship_status", "installed", "token_for_business");
    private static final Set<String> SILENT_PAGE_FIELDS = Set.of("about", "description", "website", "emails", "phone",
            "cover", "picture", "username", "category_list", "access_token", "tasks", "verification_status",
            "single_line_address", "location", "instagram_business_account");
    private static final Set<String> SILENT_POST_FIELDS = Set.of("message", "link", "story", "full_picture",
            "picture", "attachments", "shares", "privacy", "place", "message_tags", "is_hidden", "is_published",
            "status_type", "icon", "caption", "description", "name", "properties", "object_id", "parent_id",
            "application", "reactions", "to", "with_tags", "story_tags", "is_expired", "promotable_id", "targeting");
    private static final Set<String> SILENT_COMMENT_FIELDS = Set.of("attachment", "parent", "message_tags",
            "permalink_url", "is_hidden", "user_likes", "object", "application", "can_remove", "can_hide");
    private static final Set<String> SILENT_PHOTO_FIELDS = Set.of("name", "images", "album", "height", "width",
            "place", "backdated_time", "alt_text", "icon", "page_story_id", "webp_images", "can_delete");
    private static final Set<String> SILENT_VIDEO_FIELDS = Set.of("description", "length", "source", "picture",
            "embed_html", "format", "status", "content_category", "thumbnails", "universal_video_id", "place");

    private final SocialGraph graph;
    private final Credentials credentials;
    private final Supplier<String> baseUrl;

    GraphNodes(SocialGraph graph, Credentials credentials, Supplier<String> baseUrl) {
        this.graph = graph;
        this.credentials = credentials;
        this.baseUrl = baseUrl;
    }

    Optional<GraphNode> find(String id, Viewer viewer) {
        Optional<GraphNode> profile = graph.user(id).map(user -> user(user, viewer))
                .or(() -> graph.page(id).map(page -> page(page, viewer)));
        if (profile.isPresent()) {
            return profile;
        }
        return graph.post(id).map(this::post)
                .or(() -> graph.comment(id).map(this::comment))
                .or(() -> graph.photo(id).map(this::photo))
                .or(() -> graph.video(id).map(this::video));
    }

    // --- nodes ---

    GraphNode user(FakeUser user, Viewer viewer) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("id", text(user.id()));
        values.put("name", text(user.name()));
        values.put("first_name", text(user.firstName()));
        values.put("last_name", text(user.lastName()));
        values.put("short_name", text(user.firstName()));
        values.put("name_format", text("{first} {last}"));
        // Facebook shows the email only to the person themselves, and only with the email permission.
        if (viewer.isUser(user.id()) && viewer.hasScope("email")) {
            values.put("email", text(user.email()));
        }
        ObjectNode pictureData = Json.object();
        pictureData.put("height", 50);
        pictureData.put("is_silhouette", false);
        pictureData.put("url", baseUrl.get() + "/" + user.id() + "/picture");
        pictureData.put("width", 50);
        ObjectNode picture = Json.object();
        picture.set("data", pictureData);
        values.put("picture", picture);
        return new GraphNode("User", user.id(), values, SILENT_USER_FIELDS, List.of("name", "id"), USER_EDGES);
    }

    GraphNode page(FakePage page, Viewer viewer) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("id", text(page.id()));
        values.put("name", text(page.name()));
        values.put("category", text(page.category()));
        values.put("link", text("https://www.facebook.com/" + page.id()));
        int fans = graph.fanCountOf(page.id());
        values.put("fan_count", IntNode.valueOf(fans));
        values.put("followers_count", IntNode.valueOf(fans));
        pageTokenFor(page, viewer).ifPresent(token -> values.put("access_token", text(token)));
        return new GraphNode("Page", page.id(), values, SILENT_PAGE_FIELDS, List.of("name", "id"), PAGE_EDGES);
    }

    /** A page token is visible to the page itself and, through a user token, to the page's admin. */
    private Optional<String> pageTokenFor(FakePage page, Viewer viewer) {
        if (viewer.isPage(page.id())) {
            return Optional.of(viewer.token().value());
        }
        if (page.ownerId() != null && viewer.isUser(page.ownerId())) {
            return Optional.of(credentials.pageToken(viewer.app().id(), page.ownerId(), page.id(),
                    viewer.token().scopes()).value());
        }
        return Optional.empty();
    }

    GraphNode post(FakePost post) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("id", text(post.id()));
        if (post.message() != null) {
            values.put("message", text(post.message()));
        }
        values.put("created_time", time(post.createdTime()));
        values.put("updated_time", time(post.createdTime()));
        values.put("from", from(post.fromId(), post.fromName()));
        if (post.link() != null) {
            values.put("link", text(post.link()));
        }
        String localId = post.id().substring(post.id().indexOf('_') + 1);
        values.put("permalink_url", text("https://www.facebook.com/" + post.ownerId() + "/posts/" + localId));
        return new GraphNode("Post", post.id(), values, SILENT_POST_FIELDS,
                List.of("created_time", "message", "id"), CONTENT_EDGES);
    }

    GraphNode comment(FakeComment comment) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("id", text(comment.id()));
        values.put("message", text(comment.message()));
        values.put("created_time", time(comment.createdTime()));
        values.put("from", from(comment.fromId(), comment.fromName()));
        values.put("like_count", IntNode.valueOf(graph.likesOf(comment.id()).size()));
        values.put("comment_count", IntNode.valueOf(graph.commentsOn(comment.id()).size()));
        values.put("can_comment", BooleanNode.TRUE);
        return new GraphNode("Comment", comment.id(), values, SILENT_COMMENT_FIELDS,
                List.of("created_time", "from", "message", "id"), CONTENT_EDGES);
    }

    GraphNode photo(FakePhoto photo) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("id", text(photo.id()));
        if (photo.caption() != null) {
            values.put("name", text(photo.caption()));
        }
        values.put("created_time", time(photo.createdTime()));
        values.put("updated_time", time(photo.createdTime()));
        values.put("from", from(photo.ownerId(), graph.nameOf(photo.ownerId())));
        values.put("link", text("https://www.facebook.com/photo.php?fbid=" + photo.id()));
        return new GraphNode("Photo", photo.id(), values, SILENT_PHOTO_FIELDS,
                List.of("created_time", "name", "id"), CONTENT_EDGES);
    }

    GraphNode video(FakeVideo video) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("id", text(video.id()));
        values.put("title", text(video.title()));
        values.put("created_time", time(video.createdTime()));
        values.put("updated_time", time(video.createdTime()));
        values.put("from", from(video.ownerId(), graph.nameOf(video.ownerId())));
        values.put("permalink_url", text("/" + video.ownerId() + "/videos/" + video.id() + "/"));
        return new GraphNode("Video", video.id(), values, SILENT_VIDEO_FIELDS,
                List.of("title", "updated_time", "id"), CONTENT_EDGES);
    }

    private GraphNode profile(String profileId, Viewer viewer) {
        return graph.user(profileId).map(user -> user(user, viewer))
                .or(() -> graph.page(profileId).map(page -> page(page, viewer)))
                .orElseThrow(() -> new IllegalStateException("No profile " + profileId));
    }

    private static GraphNode permission(String permission, String status) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("permission", text(permission));
        values.put("status", text(status));
        return new GraphNode("Permission", null, values, Set.of(), List.of("permission", "status"), Set.of());
    }

    // --- connections ---

    /**
     * The rows of {@code /{node}/{edge}}. The caller has checked that the node has this edge.
     *
     * @param options edge parameters such as {@code order} for comments
     */
    EdgeContents edge(GraphNode node, String edge, Map<String, String> options, Viewer viewer) {
        String id = node.id();
        return switch (node.type() + "/" + edge) {
            case "User/friends" -> friends(id, viewer);
            case "User/permissions" -> permissions(id, viewer);
            case "User/accounts" -> accounts(id, viewer);
            case "User/photos", "Page/photos" -> newestFirst(graph.photosOf(id).stream()
                    .map(photo -> new EdgeContents.Item(graph.sequenceOf(photo.id()), photo(photo))).toList());
            case "User/videos", "Page/videos" -> newestFirst(graph.videosOf(id).stream()
                    .map(video -> new EdgeContents.Item(graph.sequenceOf(video.id()), video(video))).toList());
            case "User/likes" -> likedPages(id, viewer);
            case "User/feed", "Page/feed" -> newestFirst(graph.postsOnFeedOf(id).stream()
                    .filter(within(options))
                    .map(post -> new EdgeContents.Item(graph.sequenceOf(post.id()), post(post))).toList());
            case "User/posts", "Page/posts" -> newestFirst(graph.postsOnFeedOf(id).stream()
                    .filter(within(options))
                    .filter(post -> post.fromId().equals(id))
                    .map(post -> new EdgeContents.Item(graph.sequenceOf(post.id()), post(post))).toList());
            default -> switch (edge) {
                case "comments" -> comments(id, options);
                case "likes" -> likers(id, viewer);
                default -> throw new IllegalStateException("No edge " + edge + " on " + node.type());
            };
        };
    }

    /**
     * Graph's time-based paging of feeds: {@code since} and {@code until} bound the posts'
     * {@code created_time}, both ends included, each a Unix timestamp or (as Graph's strtotime
     * also reads them) an ISO-8601 date-time. Anything else is Graph's (#100).
     */
    private static Predicate<FakePost> within(Map<String, String> options) {
        Instant since = timeOption(options, "since");
        Instant until = timeOption(options, "until");
        // Graph keeps created_time to the second.
        return post -> (since == null || post.createdTime().getEpochSecond() >= since.getEpochSecond())
                && (until == null || post.createdTime().getEpochSecond() <= until.getEpochSecond());
    }

    private static Instant timeOption(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new GraphException(GraphError.of(100, "(#100) The parameter " + name
                        + " must be a Unix timestamp or a date"));
            }
        }
    }

    private EdgeContents friends(String userId, Viewer viewer) {
        List<EdgeContents.Item> items = new ArrayList<>();
        graph.friendsOf(userId).forEach((friendId, order) -> graph.user(friendId).ifPresent(friend ->
                items.add(new EdgeContents.Item(order, user(friend, viewer).withDefaults(List.of("name", "id"))))));
        items.sort(Comparator.comparingLong(EdgeContents.Item::sequence));
        ObjectNode summary = Json.object();
        summary.put("total_count", items.size());
        return new EdgeContents(items, false, true, summary, true);
    }

    /** Granted and declined permissions of the viewer's token; an app token sees the user's grant to that app. */
    private EdgeContents permissions(String userId, Viewer viewer) {
        Optional<IssuedToken> grant = switch (viewer.kind()) {
            case USER, PAGE -> userId.equals(viewer.token().userId()) ? Optional.of(viewer.token()) : Optional.empty();
            case APP -> credentials.latestValidUserToken(userId, viewer.app().id());
        };
        List<EdgeContents.Item> items = new ArrayList<>();
        grant.ifPresent(token -> {
            token.scopes().forEach(scope -> items.add(new EdgeContents.Item(items.size(), permission(scope, "granted"))));
            token.declinedScopes().forEach(scope ->
                    items.add(new EdgeContents.Item(items.size(), permission(scope, "declined"))));
        });
        return new EdgeContents(items, false, false, null, false);
    }

    /** The pages a user runs, each with a page token for the calling app; only the user themselves sees them. */
    private EdgeContents accounts(String userId, Viewer viewer) {
        List<EdgeContents.Item> items = new ArrayList<>();
        if (viewer.isUser(userId)) {
            for (FakePage page : graph.pagesOwnedBy(userId)) {
                ArrayNode tasks = Json.array();
                PAGE_TASKS.forEach(tasks::add);
                GraphNode node = page(page, viewer).withValue("tasks", tasks)
                        .withDefaults(List.of("access_token", "category", "name", "id", "tasks"));
                items.add(new EdgeContents.Item(graph.sequenceOf(page.id()), node));
            }
        }
        return new EdgeContents(items, false, true, null, false);
    }

    private EdgeContents likedPages(String userId, Viewer viewer) {
        List<EdgeContents.Item> items = new ArrayList<>();
        graph.pageLikesOf(userId).forEach((pageId, like) -> graph.page(pageId).ifPresent(page ->
                items.add(new EdgeContents.Item(like.sequence(), page(page, viewer)
                        .withValue("created_time", time(like.createdTime()))
                        .withDefaults(List.of("name", "id", "created_time"))))));
        return newestFirst(items);
    }

    /** Comments come oldest first unless {@code order=reverse_chronological}, as on Facebook. */
    private EdgeContents comments(String objectId, Map<String, String> options) {
        boolean reverse = "reverse_chronological".equals(options.get("order"));
        List<EdgeContents.Item> items = new ArrayList<>(graph.commentsOn(objectId).stream()
                .map(comment -> new EdgeContents.Item(graph.sequenceOf(comment.id()), comment(comment))).toList());
        Comparator<EdgeContents.Item> bySequence = Comparator.comparingLong(EdgeContents.Item::sequence);
        items.sort(reverse ? bySequence.reversed() : bySequence);
        ObjectNode summary = Json.object();
        summary.put("order", reverse ? "reverse_chronological" : "chronological");
        summary.put("total_count", items.size());
        summary.put("can_comment", true);
        return new EdgeContents(items, reverse, true, summary, false);
    }

    private EdgeContents likers(String objectId, Viewer viewer) {
        List<EdgeContents.Item> items = new ArrayList<>();
        graph.likesOf(objectId).forEach((likerId, like) -> items.add(
                new EdgeContents.Item(like.sequence(), profile(likerId, viewer).withDefaults(List.of("id", "name")))));
        EdgeContents rows = newestFirst(items);
        ObjectNode summary = Json.object();
        summary.put("total_count", items.size());
        summary.put("can_like", viewer.subjectId() != null);
        summary.put("has_liked", viewer.subjectId() != null && graph.likesOf(objectId).containsKey(viewer.subjectId()));
        return new EdgeContents(rows.items(), true, true, summary, false);
    }

    private static EdgeContents newestFirst(List<EdgeContents.Item> items) {
        List<EdgeContents.Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingLong(EdgeContents.Item::sequence).reversed());
        return new EdgeContents(sorted, true, true, null, false);
    }

    // --- values ---

    private static TextNode text(String value) {
        return TextNode.valueOf(value);
    }

    private static TextNode time(Instant instant) {
        return TextNode.valueOf(Json.graphTime(instant));
    }

    private static ObjectNode from(String id, String name) {
        ObjectNode from = Json.object();
        from.put("name", name);
        from.put("id", id);
        return from;
    }
}
