package dev.elements.facebook;

import static dev.elements.core.element.CommonConfiguration.BASE_URL;
import static dev.elements.core.element.CommonConfiguration.EVENT_VENDOR_TYPE;
import static dev.elements.core.element.CommonConfiguration.MAX_PAGINATION_MAX;
import static dev.elements.core.element.CommonConfiguration.OAUTH_API_KEY;
import static dev.elements.core.element.CommonConfiguration.OAUTH_API_SECRET;
import static dev.elements.core.element.CommonConfiguration.OAUTH_AUTHORIZATION_URL;
import static dev.elements.core.element.CommonConfiguration.OAUTH_CALLBACK_URL;
import static dev.elements.core.element.CommonConfiguration.OAUTH_SCOPE;
import static dev.elements.core.element.CommonConfiguration.OAUTH_TOKEN_URL;
import static dev.elements.core.element.CommonConfiguration.PAGINATION_MAX;

import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ConfigurationScope;
import dev.elements.core.element.ConfigurationType;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.ElementKey;
import dev.elements.core.element.FieldDefinition;
import dev.elements.core.element.ObjectDefinition;
import dev.elements.core.element.ParameterShape;
import dev.elements.core.element.ResourceAnswer;
import dev.elements.core.element.ResourceDefinition;
import dev.elements.core.element.ValueFormat;
import java.util.List;
import java.util.Map;

/**
 * The facebooksocial element as Cloud Elements published it: its configuration entries (with the
 * names Facebook's developers know) and the social hub resources mapped to Graph paths.
 */
final class FacebookElementDefinition {
    /** {@code {"id": <whose token it is>, "status": "ok"}}: the token works. */
    static final String PING = "ping";
    /** A page's {@code {id, name, access_token}}: the one answer that carries a token, by design. */
    static final String PAGE_TOKEN = "page_token";
    /** A post, comment or page: Graph ids only. */
    private static final ParameterShape OBJECT = ParameterShape.matching(FacebookFacts.ID_PATTERN,
            FacebookFacts.ID_MAX_LENGTH, "a Facebook id (digits, or digits_digits)");
    /** A user or page by id, or {@code me} for the token's own. */
    private static final ParameterShape USER = ParameterShape.matching(FacebookFacts.ID_OR_ME_PATTERN,
            FacebookFacts.ID_MAX_LENGTH, "a Facebook id (digits, or digits_digits) or me");

    private FacebookElementDefinition() {
    }

    static ElementDefinition create() {
        return new ElementDefinition(
                FacebookFacts.ID,
                ElementKey.of(FacebookFacts.KEY),
                "Facebook",
                "Add a Facebook Instance to connect your existing Facebook account to the Social Hub, allowing you"
                        + " to manage photos and posts across multiple Social Elements. You will need your Facebook"
                        + " account information to add an instance.",
                "elements/provider_facebook.png",
                FacebookFacts.HUB,
                "oauth2",
                false,
                "If you do not have an Facebook account, you can create one at https://www.facebook.com",
                "https://www.facebook.com",
                configuration(),
                resources(),
                objects());
    }

    private static List<ConfigurationEntry> configuration() {
        return List.of(
                ConfigurationEntry.instance(OAUTH_API_KEY, "App ID", "The App ID of your Facebook app", null,
                        ConfigurationType.TEXTFIELD_128, true, ValueFormat.TEXT),
                ConfigurationEntry.instance(OAUTH_API_SECRET, "App Secret", "The App Secret of your Facebook app",
                        null, ConfigurationType.PASSWORD, true, ValueFormat.TEXT),
                ConfigurationEntry.instance(OAUTH_CALLBACK_URL, "Callback URL",
                        "A Valid OAuth Redirect URI of your Facebook app, exactly as registered", null,
                        ConfigurationType.TEXTFIELD_1000, true, ValueFormat.HTTP_URL),
                ConfigurationEntry.instance(OAUTH_SCOPE, "Scope", "The permissions to ask for, separated by commas",
                        FacebookFacts.DEFAULT_SCOPE, ConfigurationType.TEXTFIELD_1000, false, ValueFormat.TEXT),
                ConfigurationEntry.endpoint(BASE_URL, "Graph API URL", "The Graph API, with its version",
                        FacebookFacts.BASE_URL),
                ConfigurationEntry.endpoint(OAUTH_AUTHORIZATION_URL, "Login dialog URL", "Facebook's login dialog",
                        FacebookFacts.AUTHORIZATION_URL),
                ConfigurationEntry.endpoint(OAUTH_TOKEN_URL, "Token URL", "Where codes and tokens are exchanged",
                        FacebookFacts.TOKEN_URL),
                ConfigurationEntry.instance(PAGINATION_MAX, "Largest page size",
                        "The most items asked of Facebook in one call", "100", ConfigurationType.TEXTFIELD_32, false,
                        ValueFormat.POSITIVE_INTEGER).withRange(1, MAX_PAGINATION_MAX),
                ConfigurationEntry.instance("pagination.offset", "Offset paging",
                        "Whether pages are addressed by offset instead of cursor", "false",
                        ConfigurationType.BOOLEAN, false, ValueFormat.BOOLEAN),
                ConfigurationEntry.instance("event.notification.instance.finder", "Instance finder",
                        "Which field of a Facebook webhook entry names the instance", null,
                        ConfigurationType.TEXTFIELD_128, false, ValueFormat.TEXT),
                ConfigurationEntry.instance(EVENT_VENDOR_TYPE, "Event type",
                        "How the platform learns of Facebook changes", "webhook", ConfigurationType.TEXTFIELD_32,
                        false, ValueFormat.TEXT),
                // The operator's, like the endpoints: one Facebook app subscribes one callback, with
                // one token typed into its dashboard, whatever instance the entries are for.
                new ConfigurationEntry(FacebookWebhooks.VERIFY_TOKEN, "Webhook verify token",
                        "The Verify Token typed into the Facebook app's webhook settings; set by the operator as"
                                + " ELEMENTS_FACEBOOKSOCIAL_EVENT_WEBHOOK_VERIFY_TOKEN. Without it no subscription"
                                + " handshake passes", null, ConfigurationType.PASSWORD, false, true,
                        ConfigurationScope.OPERATOR, ValueFormat.TEXT));
    }

    private static List<ResourceDefinition> resources() {
        return List.of(
                resource("ping", "GET", "/me", "Checks that the instance's token works; answers {\"id\": <the token's"
                        + " user or page>, \"status\": \"ok\"}", false)
                        .withFixedQuery(Map.of("fields", "id")).withAnswer(new ResourceAnswer(PING, null)),
                resource("user/me", "GET", "/me", "The user who authorized the instance", false),
                resource("user/{id}", "GET", "/{id}", "A user by id", false),
                resource("user/{id}/friends", "GET", "/{id}/friends", "The user's friends who use the app", true),
                resource("user/{id}/permissions", "GET", "/{id}/permissions",
                        "The permissions granted or declined to the app", true),
                resource("user/{id}/accounts", "GET", "/{id}/accounts",
                        "The pages the user manages (without their tokens)", true),
                resource("user/{id}/photos", "GET", "/{id}/photos",
                        "The user's photos; type=uploaded for those they uploaded", true),
                resource("user/{id}/videos", "GET", "/{id}/videos", "The user's videos", true),
                resource("user/{id}/likes", "GET", "/{id}/likes", "The pages the user likes", true),
                resource("user/{id}/status", "GET", "/{id}/posts", "The posts the user or page wrote on its own feed",
                        true),
                resource("user/{id}/status", "POST", "/{id}/feed",
                        "Posts to a page's feed ({message, link}); answers the new post's id", false),
                resource("status/{id}", "GET", "/{id}", "A post by id", false),
                resource("status/{id}", "DELETE", "/{id}", "Deletes a post", false),
                resource("status/{id}/comments", "GET", "/{id}/comments", "The comments on a post", true),
                resource("status/{id}/comments", "POST", "/{id}/comments",
                        "Comments on a post ({message}); answers the new comment's id", false),
                resource("status/{id}/likes", "GET", "/{id}/likes", "Who likes a post", true),
                resource("status/{id}/like", "POST", "/{id}/likes", "Likes a post", false),
                resource("user/comment/{id}", "DELETE", "/{id}", "Deletes a comment", false),
                // Graph takes likes (and takes them back) only from pages: act as one with pageToken.
                // https://developers.facebook.com/docs/graph-api/reference/object/likes
                resource("user/likes/{id}", "DELETE", "/{id}/likes",
                        "Takes back the like on a post or comment; Graph does this for pages only, so name the page"
                                + " with pageToken", false),
                // Graph publishes photos and videos on pages only ("Publishing on Users is not supported"),
                // and takes them on graph.facebook.com itself now that graph-video.facebook.com is deprecated:
                // https://developers.facebook.com/docs/video-api/overview,
                // https://developers.facebook.com/docs/graph-api/reference/page/photos
                resource("user/{id}/photos", "POST", "/{id}/photos",
                        "Publishes a photo on a page: a multipart/form-data upload (the file as part source,"
                                + " fields such as caption) or {url, caption}; answers the photo's id. Name the page"
                                + " with pageToken", false).withUploads(),
                resource("user/{id}/videos", "POST", "/{id}/videos",
                        "Publishes a video on a page: a multipart/form-data upload (the file as part source,"
                                + " fields such as title and description) or {file_url, title}; answers the video's"
                                + " id. Name the page with pageToken", false).withUploads(),
                resource("user/photo/{id}", "DELETE", "/{id}", "Deletes a photo", false),
                resource("user/video/{id}", "DELETE", "/{id}", "Deletes a video", false),
                resource("pages", "GET", "/me/accounts", "The pages the user manages (without their tokens)", true),
                resource("pages/{id}/page-access-token", "GET", "/{id}",
                        "A page's {id, name, access_token}: a page token, for the page's admin", false)
                        .withFixedQuery(Map.of("fields", "id,name,access_token"))
                        .withAnswer(new ResourceAnswer(PAGE_TOKEN, null)),
                // Cloud Elements' facebooksocial had these; Graph no longer serves them. The search
                // types went in the changes of 4 April 2018 (page search came back as its own endpoint):
                // https://developers.facebook.com/docs/graph-api/changelog/breaking-changes
                removed("search/user", "/search", "Graph removed the search for people in April 2018; nothing"
                        + " replaced it"),
                removed("search/group", "/search", "Graph removed the search for groups in April 2018, and the"
                        + " Groups API itself with v19.0; nothing replaced them"),
                removed("search/page", "/search", "Graph replaced the search for pages with GET /pages/search,"
                        + " which needs the Page Public Metadata Access feature and is not a social hub resource"),
                removed("user/context/{id}", "/{id}", "Graph removed the social context of users (mutual friends,"
                        + " likes and the like); nothing replaced it"));
    }

    /** A resource Cloud Elements had whose Graph endpoint is gone: every call of it answers 410 with {@code why}. */
    private static ResourceDefinition removed(String path, String graphPath, String why) {
        return resource(path, "GET", graphPath, "Removed by Facebook: " + why, false).removedByProvider(why);
    }

    /**
     * What the social resources answer with: the fields Graph returns by default or on request for
     * each node (Graph API reference: User, Post, Comment, Page, Photo, Video), the ones the fake
     * Facebook of the tests serves too. Writable are only those the POST resources pass on.
     */
    private static List<ObjectDefinition> objects() {
        FieldDefinition id = FieldDefinition.readOnly("id", "string", "The Graph id");
        FieldDefinition createdTime = FieldDefinition.readOnly("created_time", "date", "When it was created");
        FieldDefinition updatedTime = FieldDefinition.readOnly("updated_time", "date", "When it last changed");
        FieldDefinition from = FieldDefinition.readOnly("from", "object", "Who created it: {id, name}");
        return List.of(
                new ObjectDefinition("user", "A Facebook user (user/me, user/{id}, friends)", List.of(id,
                        FieldDefinition.readOnly("name", "string", "The full name"),
                        FieldDefinition.readOnly("first_name", "string", "The first name"),
                        FieldDefinition.readOnly("last_name", "string", "The last name"),
                        FieldDefinition.readOnly("short_name", "string", "The short name"),
                        FieldDefinition.readOnly("name_format", "string", "How the name parts are ordered"),
                        FieldDefinition.readOnly("email", "string",
                                "The primary email address; only with the email permission, for the user themselves"),
                        FieldDefinition.readOnly("picture", "object", "The profile picture: {data: {url, ...}}"))),
                new ObjectDefinition("status", "A post on a user's or page's feed (user/{id}/status, status/{id})",
                        List.of(id,
                                FieldDefinition.writable("message", "string", "The text of the post"),
                                FieldDefinition.writable("link", "string", "A link attached to the post"),
                                createdTime, updatedTime, from,
                                FieldDefinition.readOnly("permalink_url", "string", "The post's address on Facebook"))),
                new ObjectDefinition("comment", "A comment on a post (status/{id}/comments)", List.of(id,
                        FieldDefinition.writable("message", "string", "The text of the comment"),
                        createdTime, from,
                        FieldDefinition.readOnly("like_count", "integer", "How many like it"),
                        FieldDefinition.readOnly("comment_count", "integer", "How many replies it has"),
                        FieldDefinition.readOnly("can_comment", "boolean", "Whether the viewer may reply"))),
                new ObjectDefinition("page", "A Facebook page (pages, user/{id}/accounts, user/{id}/likes)", List.of(id,
                        FieldDefinition.readOnly("name", "string", "The page's name"),
                        FieldDefinition.readOnly("category", "string", "The page's category"),
                        FieldDefinition.readOnly("link", "string", "The page's address on Facebook"),
                        FieldDefinition.readOnly("fan_count", "integer", "How many like the page"),
                        FieldDefinition.readOnly("followers_count", "integer", "How many follow the page"))),
                new ObjectDefinition("photo", "A photo (user/{id}/photos)", List.of(id,
                        FieldDefinition.readOnly("name", "string", "The caption"),
                        createdTime, updatedTime, from,
                        FieldDefinition.readOnly("link", "string", "The photo's address on Facebook"))),
                new ObjectDefinition("video", "A video (user/{id}/videos)", List.of(id,
                        FieldDefinition.readOnly("title", "string", "The title"),
                        createdTime, updatedTime, from,
                        FieldDefinition.readOnly("permalink_url", "string", "The video's address on Facebook"))));
    }

    /** A resource sent to Graph with its own verb; its {@code {id}} is a Graph id (or {@code me} for a user). */
    private static ResourceDefinition resource(String path, String method, String graphPath, String description,
            boolean paged) {
        ResourceDefinition resource = new ResourceDefinition(path, method, graphPath, method, description, paged);
        return path.contains("{id}") ? resource.withParameterShape("id", path.startsWith("user/{id}") ? USER : OBJECT)
                : resource;
    }
}
