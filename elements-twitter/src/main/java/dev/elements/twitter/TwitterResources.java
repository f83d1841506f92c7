package dev.elements.twitter;

import dev.elements.core.element.ParameterShape;
import dev.elements.core.element.ResourceAnswer;
import dev.elements.core.element.ResourceDefinition;
import java.util.List;

/**
 * The social hub resources on X's API v2, at the paths the Facebook element has where they fit.
 * X puts an object, and a page's items, under {@code data}.
 */
final class TwitterResources {
    static final String PING = "ping";
    private static final String DATA = "/data";
    private static final ParameterShape POST = ParameterShape.matching(TwitterFacts.ID_PATTERN,
            TwitterFacts.ID_MAX_LENGTH, "an X post id (1 to 19 digits)");
    /** {@code me} is replaced by the instance's own user id before X is called ({@link OwnUser}). */
    private static final ParameterShape USER = ParameterShape.matching(TwitterFacts.ME + "|" + TwitterFacts.ID_PATTERN,
            TwitterFacts.ID_MAX_LENGTH, "an X user id (1 to 19 digits) or me");

    /** The instance's own user, which the code exchange learns. */
    static final ResourceDefinition ME = object("user/me", "GET", "/users/me", "GET",
            "The user who authorized the instance");

    static final List<ResourceDefinition> ALL = List.of(
            new ResourceDefinition(PING, "GET", "/users/me", "GET", "Checks that the instance's token works; answers"
                    + " {\"id\": <the token's user>, \"status\": \"ok\"}", false).withAnswer(new ResourceAnswer(PING, DATA)),
            ME,
            object("user/{id}", "GET", "/users/{id}", "GET", "A user by id").withParameterShape("id", USER),
            list("user/{id}/status", "/users/{id}/tweets", "The user's posts, newest first")
                    .withParameterShape("id", USER),
            object("status", "POST", "/tweets", "POST", "Posts ({text}); answers the new post's {id, text}"),
            object("status/{id}", "GET", "/tweets/{id}", "GET", "A post by id").withParameterShape("id", POST),
            object("status/{id}", "DELETE", "/tweets/{id}", "DELETE", "Deletes one of the user's posts; answers"
                    + " {deleted: true}").withParameterShape("id", POST),
            list("user/{id}/likes", "/users/{id}/liked_tweets", "The posts the user likes, most recently liked first")
                    .withParameterShape("id", USER),
            object("user/{id}/likes", "POST", "/users/{id}/likes", "POST", "Likes a post ({tweet_id}) as the user"
                    + " (me); answers {liked: true}").withParameterShape("id", USER),
            object("user/{id}/likes/{tweetId}", "DELETE", "/users/{id}/likes/{tweetId}", "DELETE",
                    "Takes back the user's (me) like of a post; answers {liked: false}")
                    .withParameterShape("id", USER).withParameterShape("tweetId", POST));

    private TwitterResources() {
    }

    private static ResourceDefinition object(String path, String method, String vendorPath, String vendorMethod,
            String description) {
        return new ResourceDefinition(path, method, vendorPath, vendorMethod, description, false)
                .withAnswer(new ResourceAnswer(ResourceAnswer.OBJECT, DATA));
    }

    private static ResourceDefinition list(String path, String vendorPath, String description) {
        return new ResourceDefinition(path, "GET", vendorPath, "GET", description, true)
                .withAnswer(new ResourceAnswer(ResourceAnswer.LIST, DATA));
    }
}
