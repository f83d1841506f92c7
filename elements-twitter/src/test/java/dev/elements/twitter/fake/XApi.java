package dev.elements.twitter.fake;

import dev.elements.core.fake.oauth2.FakeJson;
import dev.elements.core.fake.oauth2.FakeOAuth2Provider;
import dev.elements.core.fake.oauth2.FakeResponse;
import dev.elements.core.fake.oauth2.ProtectedRequest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The X API v2 resources on the generic provider's routes: the user, their posts, posting and deleting, likes. Every
 * call is counted against the user's rate limit of the endpoint first, then needs the endpoint's scopes. Handlers run
 * under the provider's lock.
 */
final class XApi {

    private static final int MAX_RESULTS_CAP = 100;
    private static final int DEFAULT_MAX_RESULTS = 10;
    /** X ids are 1 to 19 digits. */
    private static final Pattern ID = Pattern.compile("[0-9]{1,19}");
    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final FakeOAuth2Provider provider;
    private final XContent content;
    private final XRateLimits limits;

    XApi(FakeOAuth2Provider provider, XContent content, XRateLimits limits) {
        this.provider = provider;
        this.content = content;
        this.limits = limits;
    }

    void serve() {
        for (XEndpoint endpoint : XEndpoint.values()) {
            provider.route(endpoint.method(), endpoint.pathPattern(), request -> limits.call(request.user().id(),
                    endpoint, provider.now(), () -> request.hasScopes(endpoint.scopes().toArray(String[]::new))
                            ? answer(endpoint, request)
                            : XProblems.general(403, "Forbidden")));
        }
    }

    private FakeResponse answer(XEndpoint endpoint, ProtectedRequest request) {
        return switch (endpoint) {
            case USERS_ME -> me(request);
            case USER -> user(request);
            case TWEET -> tweet(request);
            case USER_TWEETS -> userTweets(request);
            case CREATE_TWEET -> createTweet(request);
            case DELETE_TWEET -> deleteTweet(request);
            case LIKED_TWEETS -> likedTweets(request);
            case LIKE -> like(request);
            case UNLIKE -> unlike(request);
        };
    }

    private FakeResponse me(ProtectedRequest request) {
        return userJson(content.user(request.user().id()).orElseThrow());
    }

    /** A lookup of what does not exist is a partial error: 200 with only {@code errors}. */
    private FakeResponse user(ProtectedRequest request) {
        String id = request.pathValue("id");
        if (!ID.matcher(id).matches()) {
            return invalidId("id", id);
        }
        return content.user(id).map(XApi::userJson).orElseGet(() -> XProblems.partialNotFound("user", "id", id));
    }

    private FakeResponse tweet(ProtectedRequest request) {
        String id = request.pathValue("id");
        if (!ID.matcher(id).matches()) {
            return invalidId("id", id);
        }
        Set<String> fields = Set.copyOf(Arrays.asList(request.request().query().getOrDefault("tweet.fields", "")
                .split(",")));
        return content.tweet(id).map(tweet -> FakeResponse.json(200, FakeJson.object().put("data",
                tweetJson(tweet, fields)))).orElseGet(() -> XProblems.partialNotFound("tweet", "id", id));
    }

    private static FakeResponse userJson(FakeXUser user) {
        return FakeResponse.json(200, FakeJson.object().put("data", FakeJson.object().put("id", user.id())
                .put("name", user.name()).put("username", user.username())));
    }

    private FakeResponse userTweets(ProtectedRequest request) {
        String id = request.pathValue("id");
        if (!ID.matcher(id).matches()) {
            return invalidId("id", id);
        }
        if (content.user(id).isEmpty()) {
            return XProblems.partialNotFound("user", "id", id);
        }
        return page(content.timeline(id), request, 5, true);
    }

    private FakeResponse likedTweets(ProtectedRequest request) {
        String id = request.pathValue("id");
        if (!ID.matcher(id).matches()) {
            return invalidId("id", id);
        }
        if (content.user(id).isEmpty()) {
            return XProblems.partialNotFound("user", "id", id);
        }
        return page(content.likedTweets(id), request, 10, false);
    }

    private FakeResponse createTweet(ProtectedRequest request) {
        Object text;
        try {
            text = request.request().jsonObject().get("text");
        } catch (IllegalArgumentException notJson) {
            return XProblems.invalidBody("The request body is not a JSON object: " + notJson.getMessage());
        }
        if (!(text instanceof String) || ((String) text).isBlank()) {
            return XProblems.invalidBody("$.text: a post needs text");
        }
        String author = request.user().id();
        if (content.isDuplicate(author, (String) text)) {
            return XProblems.forbidden("You are not allowed to create a Tweet with duplicate content.");
        }
        FakeTweet tweet = content.post(author, (String) text, provider.now());
        return FakeResponse.json(201, FakeJson.object().put("data", FakeJson.object().put("id", tweet.id())
                .put("text", tweet.text())));
    }

    private FakeResponse deleteTweet(ProtectedRequest request) {
        String id = request.pathValue("id");
        if (!ID.matcher(id).matches()) {
            return invalidId("id", id);
        }
        FakeTweet tweet = content.tweet(id).orElse(null);
        if (tweet == null) {
            return XProblems.notFound("tweet", "id", id);
        }
        if (!tweet.authorId().equals(request.user().id())) {
            return XProblems.forbidden("You are not authorized to delete this Tweet.");
        }
        content.delete(tweet);
        return FakeResponse.json(200, FakeJson.object().put("data", FakeJson.object().put("deleted", true)));
    }

    private FakeResponse like(ProtectedRequest request) {
        if (!request.pathValue("id").equals(request.user().id())) {
            return onBehalfOfAnother();
        }
        Object tweetId;
        try {
            tweetId = request.request().jsonObject().get("tweet_id");
        } catch (IllegalArgumentException notJson) {
            return XProblems.invalidBody("The request body is not a JSON object: " + notJson.getMessage());
        }
        if (!(tweetId instanceof String) || !ID.matcher((String) tweetId).matches()) {
            return XProblems.invalidBody("$.tweet_id: a string of 1 to 19 digits is required");
        }
        FakeTweet tweet = content.tweet((String) tweetId).orElse(null);
        if (tweet == null) {
            return XProblems.notFound("tweet", "tweet_id", (String) tweetId);
        }
        content.like(request.user().id(), tweet);
        return FakeResponse.json(200, FakeJson.object().put("data", FakeJson.object().put("liked", true)));
    }

    /** Unliking what is not liked succeeds with no action. */
    private FakeResponse unlike(ProtectedRequest request) {
        if (!request.pathValue("id").equals(request.user().id())) {
            return onBehalfOfAnother();
        }
        content.unlike(request.user().id(), request.pathValue("tweet_id"));
        return FakeResponse.json(200, FakeJson.object().put("data", FakeJson.object().put("liked", false)));
    }

    private static FakeResponse onBehalfOfAnother() {
        return XProblems.forbidden("You are not permitted to perform this action on behalf of another user.");
    }

    private static FakeResponse invalidId(String parameter, String value) {
        return XProblems.invalidParameter(parameter, value, "The `" + parameter + "` query parameter value ["
                + value + "] does not match ^[0-9]{1,19}$");
    }

    /**
     * One page of a list ordered newest first: {@code max_results} within bounds, {@code pagination_token} from a
     * previous {@code next_token}; no {@code data} member when the page is empty.
     */
    private FakeResponse page(List<XContent.Entry> newestFirst, ProtectedRequest request, int minResults,
                              boolean withIdRange) {
        Map<String, String> query = request.request().query();
        int maxResults = DEFAULT_MAX_RESULTS;
        String asked = query.get("max_results");
        if (asked != null) {
            try {
                maxResults = Integer.parseInt(asked);
            } catch (NumberFormatException notANumber) {
                maxResults = -1;
            }
            if (maxResults < minResults || maxResults > MAX_RESULTS_CAP) {
                return XProblems.invalidParameter("max_results", asked, "The `max_results` query parameter value ["
                        + asked + "] is not between " + minResults + " and " + MAX_RESULTS_CAP);
            }
        }
        List<XContent.Entry> rest = newestFirst;
        String token = query.get("pagination_token");
        if (token != null) {
            OptionalLong after = content.afterKey(token);
            if (after.isEmpty()) {
                return XProblems.invalidParameter("pagination_token", token,
                        "The `pagination_token` query parameter value [" + token + "] is not valid");
            }
            rest = newestFirst.stream().filter(entry -> entry.key() < after.getAsLong()).toList();
        }
        List<XContent.Entry> page = rest.subList(0, Math.min(maxResults, rest.size()));
        FakeJson meta = FakeJson.object();
        FakeJson body = FakeJson.object();
        if (!page.isEmpty()) {
            List<FakeJson> data = new ArrayList<>();
            Set<String> fields = Set.copyOf(Arrays.asList(query.getOrDefault("tweet.fields", "").split(",")));
            page.forEach(entry -> data.add(tweetJson(entry.tweet(), fields)));
            body.putObjects("data", data);
            if (withIdRange) {
                meta.put("newest_id", page.get(0).tweet().id()).put("oldest_id", page.get(page.size() - 1).tweet().id());
            }
        }
        meta.put("result_count", page.size());
        if (rest.size() > page.size()) {
            meta.put("next_token", content.pageToken(page.get(page.size() - 1).key()));
        }
        return FakeResponse.json(200, body.put("meta", meta));
    }

    /** The default fields {@code id}, {@code text} and {@code edit_history_tweet_ids}, and those asked for. */
    private static FakeJson tweetJson(FakeTweet tweet, Set<String> fields) {
        FakeJson json = FakeJson.object().put("id", tweet.id()).put("text", tweet.text())
                .putStrings("edit_history_tweet_ids", List.of(tweet.id()));
        if (fields.contains("author_id")) {
            json.put("author_id", tweet.authorId());
        }
        if (fields.contains("created_at")) {
            json.put("created_at", CREATED_AT.format(tweet.createdAt()));
        }
        return json;
    }
}
