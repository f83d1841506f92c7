package dev.elements.facebook.fake;

import static dev.elements.facebook.fake.QueryStrings.encode;
import static dev.elements.facebook.fake.QueryStrings.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphNodesTest extends FakeFacebookFixture {

    private String token;

    @BeforeEach
    void issueToken() {
        token = facebook.issueUserToken(app, ada, "email", "user_posts", "user_friends", "pages_show_list");
    }

    @Test
    void meHasOnlyIdAndNameByDefault() {
        JsonNode me = ok(get("/me"));

        assertThat(fieldNames(me)).containsExactlyInAnyOrder("id", "name");
        assertThat(me.get("id").asText()).isEqualTo(ada.id()).matches("\\d+");
        assertThat(me.get("name").asText()).isEqualTo("Ada Lovelace");
    }

    @Test
    void fieldsSelectWhatComesBackAndIdIsAlwaysThere() {
        JsonNode me = ok(get("/me?fields=email,first_name,last_name"));

        assertThat(fieldNames(me)).containsExactlyInAnyOrder("email", "first_name", "last_name", "id");
        assertThat(me.get("email").asText()).isEqualTo(ada.email());
        assertThat(me.get("first_name").asText()).isEqualTo("Ada");
        assertThat(me.get("last_name").asText()).isEqualTo("Lovelace");
    }

    @Test
    void emailNeedsTheEmailPermission() {
        String withoutEmail = facebook.issueUserToken(app, ada, "user_posts");

        JsonNode me = ok(http.get(facebook.graphUrl() + "/me?fields=id,email&access_token=" + withoutEmail));

        assertThat(me.has("email")).isFalse();
    }

    @Test
    void anUnknownFieldIsError100NamingFieldAndNodeType() {
        TestResponse response = get("/me?fields=id,shoe_size");

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(100);
        assertThat(error.get("message").asText())
                .isEqualTo("(#100) Tried accessing nonexisting field (shoe_size) on node type (User)");
    }

    @Test
    void anUnknownObjectIsError100Subcode33() {
        TestResponse response = get("/31415926535");

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(100);
        assertThat(error.get("error_subcode").asInt()).isEqualTo(33);
        assertThat(error.get("type").asText()).isEqualTo("GraphMethodException");
        assertThat(error.get("message").asText()).startsWith("Unsupported get request. Object with ID '31415926535'");
    }

    @Test
    void theTokenMayComeAsBearerHeaderOrFormField() {
        TestResponse viaHeader = http.withHeader("Authorization", "Bearer " + token).get(facebook.graphUrl() + "/me");
        TestResponse viaOAuthScheme =
                http.withHeader("Authorization", "OAuth " + token).get(facebook.graphUrl() + "/me");
        TestResponse viaForm = http.postForm(facebook.graphUrl() + "/me",
                params("access_token", token, "method", "get"));

        assertThat(ok(viaHeader).get("id").asText()).isEqualTo(ada.id());
        assertThat(ok(viaOAuthScheme).get("id").asText()).isEqualTo(ada.id());
        assertThat(ok(viaForm).get("id").asText()).isEqualTo(ada.id());
    }

    @Test
    void aMissingTokenIsRefused() {
        TestResponse response = http.get(facebook.graphUrl() + "/me");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/type").asText()).isEqualTo("OAuthException");
    }

    @Test
    void everyRouteWorksWithAnyVersionAndWithoutOne() {
        assertThat(http.get(facebook.baseUrl() + "/me?access_token=" + token).status()).isEqualTo(200);
        assertThat(http.get(facebook.baseUrl() + "/v2.12/me?access_token=" + token).status()).isEqualTo(200);
        TestResponse versioned = http.get(facebook.baseUrl() + "/v22.0/me?access_token=" + token);
        assertThat(versioned.headers().firstValue("facebook-api-version")).contains("v22.0");
    }

    @Test
    void friendsComeWithTheirTotalCount() {
        FakeUser grace = facebook.createUser("Grace Hopper");
        FakeUser alan = facebook.createUser("Alan Turing");
        facebook.addFriend(ada, grace);
        facebook.addFriend(ada, alan);

        JsonNode friends = ok(get("/me/friends"));

        assertThat(ids(friends)).containsExactly(grace.id(), alan.id());
        assertThat(friends.at("/summary/total_count").asInt()).isEqualTo(2);
        assertThat(fieldNames(friends.get("data").get(0))).containsExactlyInAnyOrder("id", "name");
    }

    @Test
    void permissionsListWhatTheTokenWasGranted() {
        JsonNode permissions = ok(get("/" + ada.id() + "/permissions"));

        List<String> granted = new ArrayList<>();
        permissions.get("data").forEach(row -> {
            assertThat(row.get("status").asText()).isEqualTo("granted");
            granted.add(row.get("permission").asText());
        });
        assertThat(granted).containsExactlyInAnyOrder("email", "user_posts", "user_friends", "pages_show_list",
                "public_profile");
    }

    @Test
    void accountsListThePagesWithPageTokensThatActAsThePage() {
        FakePage page = facebook.addPage(ada, "Analytical Engines", "Science");

        JsonNode accounts = ok(get("/me/accounts"));

        JsonNode row = accounts.get("data").get(0);
        assertThat(row.get("id").asText()).isEqualTo(page.id());
        assertThat(row.get("name").asText()).isEqualTo("Analytical Engines");
        assertThat(row.get("category").asText()).isEqualTo("Science");
        assertThat(row.get("tasks").isArray()).isTrue();
        String pageToken = row.get("access_token").asText();
        assertThat(pageToken).isNotEqualTo(token);
        JsonNode me = ok(http.get(facebook.graphUrl() + "/me?access_token=" + pageToken));
        assertThat(me.get("id").asText()).isEqualTo(page.id());
        assertThat(ok(get("/" + page.id() + "?fields=access_token")).get("access_token").asText())
                .isEqualTo(pageToken);
    }

    @Test
    void photosVideosAndLikedPagesAreListed() {
        FakePhoto photo = facebook.addPhoto(ada, "Difference engine");
        FakeVideo video = facebook.addVideo(ada, "Lecture");
        FakePage liked = facebook.addUserLike(ada, "Poetry Society");

        JsonNode photos = ok(get("/me/photos?type=uploaded"));
        JsonNode videos = ok(get("/me/videos"));
        JsonNode likes = ok(get("/me/likes"));

        assertThat(ids(photos)).containsExactly(photo.id());
        assertThat(photos.at("/data/0/name").asText()).isEqualTo("Difference engine");
        assertThat(ids(videos)).containsExactly(video.id());
        assertThat(videos.at("/data/0/title").asText()).isEqualTo("Lecture");
        assertThat(ids(likes)).containsExactly(liked.id());
        assertThat(likes.at("/data/0/name").asText()).isEqualTo("Poetry Society");
        assertThat(likes.at("/data/0/created_time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000");
    }

    @Test
    void postsHaveOwnerPrefixedIdsAndFacebookTimestamps() {
        FakePost post = facebook.addPost(ada, "Hello world");

        JsonNode feed = ok(get("/me/feed?fields=id,message,created_time,from"));
        JsonNode single = ok(get("/" + post.id()));

        assertThat(post.id()).startsWith(ada.id() + "_");
        assertThat(feed.at("/data/0/id").asText()).isEqualTo(post.id());
        assertThat(feed.at("/data/0/message").asText()).isEqualTo("Hello world");
        assertThat(feed.at("/data/0/created_time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000");
        assertThat(feed.at("/data/0/from/id").asText()).isEqualTo(ada.id());
        assertThat(feed.at("/data/0/from/name").asText()).isEqualTo("Ada Lovelace");
        assertThat(single.get("message").asText()).isEqualTo("Hello world");
    }

    @Test
    void postsListsOnlyTheOwnersPostsWhileFeedListsVisitorsToo() {
        FakeUser grace = facebook.createUser("Grace Hopper");
        FakePost own = facebook.addPost(ada, "mine");
        FakePost visitor = facebook.addPost(ada.id(), grace, "hi Ada", null);

        assertThat(ids(ok(get("/me/posts")))).containsExactly(own.id());
        assertThat(ids(ok(get("/me/feed")))).containsExactly(visitor.id(), own.id());
    }

    @Test
    void aUserTokenCannotPublishToTheUsersTimeline() {
        TestResponse response = http.postForm(facebook.graphUrl() + "/me/feed",
                params("message", "hello", "access_token", token));

        assertThat(response.status()).isEqualTo(403);
        JsonNode error = response.json().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(200);
        assertThat(error.get("message").asText()).startsWith("(#200)").contains("publish_actions");
    }

    @Test
    void aPageTokenPublishesToItsPageAndTheOwnerReadsIt() {
        FakePage page = facebook.addPage(ada, "Analytical Engines");
        String pageToken = facebook.pageTokenFor(app, page);

        TestResponse created = http.postForm(facebook.graphUrl() + "/" + page.id() + "/feed",
                params("message", "We are open", "link", "https://example.com", "access_token", pageToken));
        TestResponse withUserToken = http.postForm(facebook.graphUrl() + "/" + page.id() + "/feed",
                params("message", "nope", "access_token", token));

        String id = ok(created).get("id").asText();
        assertThat(id).startsWith(page.id() + "_");
        assertThat(facebook.findPost(id)).get().extracting(FakePost::message).isEqualTo("We are open");
        assertThat(ids(ok(get("/" + page.id() + "/feed")))).containsExactly(id);
        assertThat(withUserToken.status()).isEqualTo(403);
        assertThat(withUserToken.json().at("/error/code").asInt()).isEqualTo(200);
    }

    @Test
    void commentsCanBeWrittenAsFormOrJsonListedOldestFirstAndDeleted() {
        FakePost post = facebook.addPost(ada, "Hello");
        FakeUser grace = facebook.createUser("Grace Hopper");
        FakeComment first = facebook.addComment(post.id(), grace, "First!");

        String viaForm = ok(http.postForm(facebook.graphUrl() + "/" + post.id() + "/comments",
                params("message", "Thanks", "access_token", token))).get("id").asText();
        String viaJson = ok(http.postJson(facebook.graphUrl() + "/" + post.id() + "/comments?access_token=" + token,
                "{\"message\":\"Via JSON\"}")).get("id").asText();
        JsonNode comments = ok(get("/" + post.id() + "/comments?summary=true"));

        assertThat(ids(comments)).containsExactly(first.id(), viaForm, viaJson);
        assertThat(comments.at("/data/1/message").asText()).isEqualTo("Thanks");
        assertThat(comments.at("/data/1/from/id").asText()).isEqualTo(ada.id());
        assertThat(comments.at("/summary/total_count").asInt()).isEqualTo(3);

        JsonNode deleted = ok(http.delete(facebook.graphUrl() + "/" + viaForm + "?access_token=" + token));
        assertThat(deleted.get("success").asBoolean()).isTrue();
        assertThat(facebook.commentsOn(post.id())).extracting(FakeComment::id).containsExactly(first.id(), viaJson);
    }

    @Test
    void likesAreAddedAndListedWithASummaryOnRequest() {
        FakePost post = facebook.addPost(ada, "Like me");
        FakeUser grace = facebook.createUser("Grace Hopper");
        facebook.addLike(post.id(), grace);

        JsonNode liked = ok(http.postForm(facebook.graphUrl() + "/" + post.id() + "/likes",
                params("access_token", token)));
        JsonNode likes = ok(get("/" + post.id() + "/likes?summary=true"));
        JsonNode withoutSummary = ok(get("/" + post.id() + "/likes"));

        assertThat(liked.get("success").asBoolean()).isTrue();
        assertThat(ids(likes)).containsExactly(ada.id(), grace.id());
        assertThat(likes.at("/summary/total_count").asInt()).isEqualTo(2);
        assertThat(likes.at("/summary/has_liked").asBoolean()).isTrue();
        assertThat(withoutSummary.has("summary")).isFalse();
    }

    @Test
    void postsAreDeletedByTheirAuthorOnly() {
        FakePost own = facebook.addPost(ada, "mine");
        FakeUser grace = facebook.createUser("Grace Hopper");
        FakePost others = facebook.addPost(grace, "not yours");

        JsonNode deleted = ok(http.delete(facebook.graphUrl() + "/" + own.id() + "?access_token=" + token));
        TestResponse refused = http.delete(facebook.graphUrl() + "/" + others.id() + "?access_token=" + token);

        assertThat(deleted.get("success").asBoolean()).isTrue();
        assertThat(facebook.findPost(own.id())).isEmpty();
        assertThat(get("/" + own.id()).status()).isEqualTo(400);
        assertThat(refused.json().at("/error/code").asInt()).isEqualTo(200);
        assertThat(facebook.findPost(others.id())).isPresent();
    }

    @Test
    void edgesCanBeNestedAsFieldsWithModifiers() {
        FakePost post = facebook.addPost(ada, "Hello");
        FakeUser grace = facebook.createUser("Grace Hopper");
        facebook.addComment(post.id(), grace, "one");
        facebook.addComment(post.id(), grace, "two");

        JsonNode node = ok(get("/" + post.id() + "?fields="
                + encode("message,comments.limit(1).summary(true){message,from{name}}")));

        JsonNode comments = node.get("comments");
        assertThat(comments.get("data")).hasSize(1);
        assertThat(comments.at("/data/0/message").asText()).isEqualTo("one");
        assertThat(comments.at("/data/0/from/name").asText()).isEqualTo("Grace Hopper");
        assertThat(comments.at("/data/0/from").has("id")).isFalse();
        assertThat(comments.at("/summary/total_count").asInt()).isEqualTo(2);
        assertThat(comments.at("/paging/next").asText()).startsWith(facebook.baseUrl());
    }

    @Test
    void aMalformedFieldExpressionIsASyntaxError() {
        TestResponse response = get("/me?fields=" + encode("id,{name"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).startsWith("Syntax error");
    }

    @Test
    void anUnknownEdgeIsANonexistingField() {
        TestResponse response = get("/me/groups");

        assertThat(response.json().at("/error/message").asText())
                .isEqualTo("(#100) Tried accessing nonexisting field (groups) on node type (User)");
    }

    @Test
    void requestsAreRecordedWithoutTheVersionPrefix() {
        facebook.resetCounters();
        http.postJson(facebook.graphUrl() + "/me/feed?x=1", "{\"message\":\"hi\",\"access_token\":\"" + token + "\"}");

        RecordedRequest request = facebook.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/me/feed");
        assertThat(request.apiVersion()).isEqualTo("v25.0");
        assertThat(request.query()).containsEntry("x", "1");
        assertThat(request.bodyParameters()).containsEntry("message", "hi");
        assertThat(request.header("content-type")).contains("application/json");
        assertThat(request.accessToken()).isEqualTo(token);
        assertThat(facebook.graphCalls()).isEqualTo(1);
    }

    private TestResponse get(String pathAndQuery) {
        String separator = pathAndQuery.contains("?") ? "&" : "?";
        return http.get(facebook.graphUrl() + pathAndQuery + separator + "access_token=" + token);
    }

    static JsonNode ok(TestResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static List<String> ids(JsonNode connection) {
        List<String> ids = new ArrayList<>();
        connection.get("data").forEach(row -> ids.add(row.get("id").asText()));
        return ids;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
