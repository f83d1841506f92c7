package dev.elements.facebook.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Graph nodes and edges: {@code GET|DELETE /{id}}, {@code GET|POST|DELETE /{id}/{edge}}, with the token checks,
 * rate limits and usage headers around them. Called under the fake's lock.
 */
final class GraphApi {

    static final String DEFAULT_VERSION = "v25.0";

    private static final Set<String> METHODS = Set.of("GET", "POST", "DELETE");

    private final SocialGraph graph;
    private final Credentials credentials;
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final GraphNodes nodes;
    private final GraphRenderer renderer;
    private final Switches switches;
    private final Observations observations;
    private final Supplier<String> baseUrl;

    GraphApi(SocialGraph graph, Credentials credentials, Authenticator authenticator, RateLimiter rateLimiter,
             GraphNodes nodes, Switches switches, Observations observations, Supplier<String> baseUrl) {
        this.graph = graph;
        this.credentials = credentials;
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.nodes = nodes;
        this.renderer = new GraphRenderer(nodes);
        this.switches = switches;
        this.observations = observations;
        this.baseUrl = baseUrl;
    }

    FakeResponse handle(RecordedRequest request) {
        observations.graphCall();
        Viewer viewer = null;
        try {
            GraphError injected = switches.takeGraphFailure();
            if (injected != null) {
                viewer = viewerOrNull(request);
                throw new GraphException(injected);
            }
            viewer = authenticator.viewer(request);
            rateLimiter.admit(viewer);
            JsonNode body = dispatch(effectiveMethod(request), request, viewer);
            return rateLimiter.withUsageHeaders(FakeResponse.json(200, body), viewer);
        } catch (GraphException failure) {
            return rateLimiter.withUsageHeaders(FakeResponse.error(failure.error(), true), viewer);
        }
    }

    private Viewer viewerOrNull(RecordedRequest request) {
        try {
            return authenticator.viewer(request);
        } catch (GraphException ignored) {
            return null;
        }
    }

    /** Graph honours a {@code method=} parameter, so clients that can only GET or POST can still DELETE. */
    private static String effectiveMethod(RecordedRequest request) {
        String override = request.param("method");
        if (override != null && METHODS.contains(override.toUpperCase())) {
            return override.toUpperCase();
        }
        return request.method();
    }

    private JsonNode dispatch(String method, RecordedRequest request, Viewer viewer) {
        List<String> segments = RequestReader.segments(request.path());
        if (segments.isEmpty()) {
            throw new GraphException(GraphError.of(100, "(#100) Missing node id: the fake serves no batch or URL "
                    + "lookups at the root"));
        }
        if (segments.size() > 2) {
            throw new GraphException(GraphError.of(100,
                    "(#100) Unknown path components: /" + String.join("/", segments.subList(2, segments.size()))));
        }
        String requestedId = segments.get(0);
        String id = requestedId.equals("me") ? meOf(viewer) : requestedId;
        GraphNode node = nodes.find(id, viewer).orElseThrow(() -> unsupported(method, requestedId));
        GraphRenderer.Links links = new GraphRenderer.Links(graphRoot(request), viewer.token().value());
        if (segments.size() == 1) {
            return switch (method) {
                case "GET" -> renderer.node(node, FieldSelection.parse(request.param("fields")), viewer, links);
                case "DELETE" -> deleteObject(node, viewer, requestedId);
                default -> throw unsupported(method, requestedId);
            };
        }
        String edge = segments.get(1);
        if (!node.edges().contains(edge)) {
            if (method.equals("GET")) {
                throw new GraphException(GraphError.of(100, "(#100) Tried accessing nonexisting field (" + edge
                        + ") on node type (" + node.type() + ")"));
            }
            throw new GraphException(GraphError.of(100, "(#100) Unknown path components: /" + edge));
        }
        return switch (method) {
            case "GET" -> renderer.connection(node, edge, GraphRenderer.EdgeQuery.fromParameters(allParameters(request)),
                    viewer, links);
            case "POST" -> publish(node, edge, request, viewer, requestedId);
            case "DELETE" -> unpublish(node, edge, viewer, requestedId);
            default -> throw unsupported(method, requestedId);
        };
    }

    private static String meOf(Viewer viewer) {
        if (viewer.subjectId() == null) {
            throw new GraphException(GraphError.of(2500,
                    "An active access token must be used to query information about the current user."));
        }
        return viewer.subjectId();
    }

    // --- writes ---

    private JsonNode publish(GraphNode node, String edge, RecordedRequest request, Viewer viewer, String requestedId) {
        String message = request.param("message");
        switch (edge) {
            case "feed", "posts" -> {
                if (node.type().equals("User")) {
                    // Posting to a person's timeline went away with publish_actions in 2018.
                    throw new GraphException(GraphError.permissionError().withMessage(
                            "(#200) This endpoint is deprecated since the required permission publish_actions is "
                                    + "deprecated"));
                }
                if (!viewer.isPage(node.id())) {
                    throw new GraphException(GraphError.permissionError().withMessage(
                            "(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts "
                                    + "as an admin with sufficient administrative permission"));
                }
                String link = request.param("link");
                if (isBlank(message) && isBlank(link)) {
                    throw new GraphException(GraphError.of(100, "(#100) Missing message or attachment"));
                }
                FakePost post = graph.addPost(node.id(), node.id(), blankToNull(message), blankToNull(link));
                return idOf(post.id());
            }
            case "comments" -> {
                String authorId = actingProfile(viewer);
                if (isBlank(message) && isBlank(request.param("attachment_url"))) {
                    throw new GraphException(GraphError.of(100, "(#100) Missing message or attachment"));
                }
                FakeComment comment = graph.addComment(node.id(), authorId, message == null ? "" : message);
                return idOf(comment.id());
            }
            case "likes" -> {
                graph.addLike(node.id(), actingProfile(viewer));
                return success();
            }
            case "photos", "videos" -> {
                return publishMedia(node, edge, request, viewer);
            }
            default -> throw unsupported("POST", requestedId + "/" + edge);
        }
    }

    /**
     * A photo or video published on a page with the page's token: a file part of a multipart body
     * (Graph takes the first; {@code source} in its documentation) or a {@code url} / {@code file_url}
     * to fetch, which the fake records without fetching. Publishing on people went with
     * {@code publish_actions} ("Publishing on Users is not supported").
     */
    private JsonNode publishMedia(GraphNode node, String edge, RecordedRequest request, Viewer viewer) {
        if (!node.type().equals("Page")) {
            throw new GraphException(GraphError.permissionError().withMessage(
                    "(#200) This endpoint is deprecated since the required permission publish_actions is "
                            + "deprecated"));
        }
        if (!viewer.isPage(node.id())) {
            throw new GraphException(GraphError.permissionError().withMessage(
                    "(#200) Publishing on a page requires the page's access token with pages_manage_posts"));
        }
        boolean photo = edge.equals("photos");
        String link = request.param(photo ? "url" : "file_url");
        if (request.files().isEmpty() && isBlank(link)) {
            throw new GraphException(GraphError.of(324, "(#324) Requires upload file"));
        }
        String caption = blankToNull(request.param(photo ? "caption" : "title"));
        String id = photo ? graph.addPhoto(node.id(), caption).id() : graph.addVideo(node.id(),
                caption == null ? "" : caption).id();
        if (!request.files().isEmpty()) {
            graph.keepUpload(id, request.files().get(0));
        }
        return idOf(id);
    }

    private JsonNode unpublish(GraphNode node, String edge, Viewer viewer, String requestedId) {
        switch (edge) {
            case "likes" -> {
                // Graph takes likes back for pages only; a user token gets error 3.
                if (viewer.kind() != TokenKind.PAGE) {
                    throw new GraphException(GraphError.of(3,
                            "(#3) Publishing likes through the API is only available for page access tokens"));
                }
                graph.removeLike(node.id(), actingProfile(viewer));
                return success();
            }
            case "permissions" -> {
                // DELETE /{user}/permissions de-authorizes the app, as removing it in the user's settings does.
                boolean allowed = viewer.kind() == TokenKind.APP || viewer.isUser(node.id());
                if (!allowed) {
                    throw new GraphException(GraphError.permissionError());
                }
                credentials.revoke(node.id(), viewer.app().id());
                return success();
            }
            default -> throw unsupported("DELETE", requestedId + "/" + edge);
        }
    }

    private JsonNode deleteObject(GraphNode node, Viewer viewer, String requestedId) {
        String subject = viewer.subjectId();
        boolean allowed = switch (node.type()) {
            case "Post" -> graph.post(node.id())
                    .map(post -> post.fromId().equals(subject) || post.ownerId().equals(subject)).orElse(false);
            case "Comment" -> graph.comment(node.id())
                    .map(comment -> comment.fromId().equals(subject) || ownsContent(comment.objectId(), subject))
                    .orElse(false);
            case "Photo", "Video" -> ownsContent(node.id(), subject);
            default -> throw unsupported("DELETE", requestedId);
        };
        if (!allowed) {
            throw new GraphException(GraphError.permissionError());
        }
        graph.deleteContent(node.id());
        return success();
    }

    /** Whether the profile owns the feed or upload the object sits on, which lets a page moderate its comments. */
    private boolean ownsContent(String objectId, String profileId) {
        if (profileId == null) {
            return false;
        }
        return graph.post(objectId).map(post -> post.ownerId().equals(profileId))
                .or(() -> graph.photo(objectId).map(photo -> photo.ownerId().equals(profileId)))
                .or(() -> graph.video(objectId).map(video -> video.ownerId().equals(profileId)))
                .or(() -> graph.comment(objectId).map(comment -> ownsContent(comment.objectId(), profileId)))
                .orElse(false);
    }

    /** Comments and likes are written by the token's user or page; an app token has no one to act as. */
    private static String actingProfile(Viewer viewer) {
        if (viewer.subjectId() == null) {
            throw new GraphException(GraphError.permissionError());
        }
        return viewer.subjectId();
    }

    // --- helpers ---

    private String graphRoot(RecordedRequest request) {
        return baseUrl.get() + "/" + (request.apiVersion() != null ? request.apiVersion() : DEFAULT_VERSION);
    }

    private static Map<String, String> allParameters(RecordedRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>(request.bodyParameters());
        parameters.putAll(request.query());
        return parameters;
    }

    static GraphException unsupported(String method, String id) {
        return new GraphException(new GraphError(400, 100, 33, GraphError.GRAPH_METHOD_EXCEPTION,
                "Unsupported " + method.toLowerCase() + " request. Object with ID '" + id + "' does not exist, "
                        + "cannot be loaded due to missing permissions, or does not support this operation. Please "
                        + "read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
                false));
    }

    private static ObjectNode idOf(String id) {
        ObjectNode body = Json.object();
        body.put("id", id);
        return body;
    }

    private static ObjectNode success() {
        ObjectNode body = Json.object();
        body.put("success", true);
        return body;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return isBlank(text) ? null : text;
    }
}
