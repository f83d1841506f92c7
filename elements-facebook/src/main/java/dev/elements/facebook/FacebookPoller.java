package dev.elements.facebook;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ResourceDefinition;
import dev.elements.core.event.EventType;
import dev.elements.core.event.ProviderEvent;
import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.hub.PageRequest;
import dev.elements.core.json.Json;
import dev.elements.core.json.JsonArray;
import dev.elements.core.json.JsonObject;
import dev.elements.core.json.JsonValue;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.spi.event.PollRequest;
import dev.elements.core.spi.event.PollResult;
import dev.elements.core.spi.event.ProviderPoller;
import dev.elements.core.spi.hub.HubClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Polling for the user's new posts: {@code GET /me/posts} from the second the cursor stands at
 * ({@code since}, which Graph applies to {@code created_time}, that second included), through the
 * Graph client of the hub, so the call carries its {@code appsecret_proof} and its refusals are
 * classified as every Graph call's. Each post not reported before becomes a {@code CREATED} event.
 */
final class FacebookPoller implements ProviderPoller {
    static final String OBJECT_TYPE = "post";
    /** Graph's largest page of posts. */
    static final int PAGE_SIZE = 100;
    /**
     * Pages read in one poll at most, so that one poll's work stays bounded; a user who posts more
     * than this between two polls has the oldest of them skipped.
     */
    static final int MAX_PAGES = 10;
    private static final ResourceDefinition NEWEST_POSTS = new ResourceDefinition("events/posts", "GET",
            "/me/posts", "GET", "The user's newest posts, for polling", true)
            .withFixedQuery(Map.of("fields", "id,message,created_time,from"));

    private final HubClient graph;

    FacebookPoller(HubClient graph) {
        this.graph = requireNonNull(graph, "graph");
    }

    @Override
    public PollResult poll(PollRequest request, ElementContext context) {
        PostsCursor start = PostsCursor.read(request.cursor()).orElseGet(() -> PostsCursor.startingAt(request.since()));
        List<DatedPost> fresh = new ArrayList<>();
        String page = null;
        for (int read = 0; read < MAX_PAGES; read++) {
            HubResult answer = graph.call(new HubCall(NEWEST_POSTS, Map.of(),
                    Map.of("since", List.of(Long.toString(start.second()))), null, null, request.tokens(),
                    request.configuration(), new PageRequest(PAGE_SIZE, page), false, null), context);
            if (Json.parse(answer.body()) instanceof JsonArray posts) {
                posts.items().forEach(post -> DatedPost.of(post).filter(dated -> start.isNew(dated.second(),
                        dated.id())).ifPresent(fresh::add));
            }
            page = answer.nextCursor();
            if (page == null) {
                break;
            }
        }
        // Graph lists the newest first; the application hears of them in the order they were made.
        List<DatedPost> oldestFirst = new ArrayList<>(fresh);
        Collections.reverse(oldestFirst);
        oldestFirst.sort(Comparator.comparingLong(DatedPost::second));
        PostsCursor end = start;
        List<ProviderEvent> events = new ArrayList<>();
        List<JsonValue> raw = new ArrayList<>();
        for (DatedPost post : oldestFirst) {
            end = end.after(post.second(), post.id());
            events.add(new ProviderEvent(OBJECT_TYPE, post.id(), EventType.CREATED,
                    Instant.ofEpochSecond(post.second())));
            raw.add(post.post());
        }
        return new PollResult(events, JsonObject.builder().put("data", JsonArray.of(raw)).build(), end.write());
    }

    /**
     * A post with the Graph id and the second the poller orders by; a post without either cannot be
     * placed, nor its id kept in the cursor, and is left out.
     */
    private record DatedPost(String id, long second, JsonValue post) {
        private static final Pattern GRAPH_ID = Pattern.compile(FacebookFacts.ID_PATTERN);

        static Optional<DatedPost> of(JsonValue post) {
            return post.path("id").textIfAny().filter(id -> GRAPH_ID.matcher(id).matches()).flatMap(id -> GraphTimes.read(post.path("created_time"))
                    .map(time -> new DatedPost(id, time.getEpochSecond(), post)));
        }
    }
}
