package dev.elements.facebook;

import static dev.elements.facebook.HubFixture.ids;
import static dev.elements.facebook.HubFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.core.hub.HubResult;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.facebook.fake.FakeComment;
import dev.elements.facebook.fake.FakePage;
import dev.elements.facebook.fake.FakePhoto;
import dev.elements.facebook.fake.FakePost;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.facebook.fake.FakeVideo;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each resource answers the application, shaped from Facebook's answer. */
class FacebookHubAnswersTest {
    private HubFixture fixture;
    private FakeUser ada;
    private FakeUser grace;
    private FakePage page;
    private FakePost post;
    private FakeComment comment;

    @BeforeEach
    void start() {
        fixture = new HubFixture();
        ada = fixture.ada;
        grace = fixture.facebook.createUser("Grace Hopper");
        fixture.facebook.addFriend(ada, grace);
        page = fixture.facebook.addPage(ada, "Analytical Engines");
        post = fixture.facebook.addPost(ada, "The engine weaves algebraic patterns");
        comment = fixture.facebook.addComment(post.id(), grace, "Like the Jacquard loom");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private String userPath(String edge) {
        return "user/" + ada.id() + "/" + edge;
    }

    @Test
    void pingSaysWhoseTokenItIsAndThatItWorks() {
        HubResult result = fixture.get("ping").query("fields", "name,email").send();

        assertThat(json(result)).isEqualTo(json(("{\"id\":\"" + ada.id() + "\",\"status\":\"ok\"}").getBytes()));
        assertThat(result.itemCount()).isEqualTo(1);
        assertThat(result.nextCursor()).isNull();
        assertThat(fixture.lastGraphCall().query()).containsEntry("fields", "id");
    }

    @Test
    void theUserIsTheGraphObjectWithTheFieldsAskedFor() {
        JsonNode me = json(fixture.get("user/me").query("fields", "id,name,email").send());
        JsonNode byId = json(fixture.get("user/" + ada.id()).send());

        assertThat(me.path("id").asText()).isEqualTo(ada.id());
        assertThat(me.path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(me.path("email").asText()).isEqualTo(ada.email());
        assertThat(byId.path("id").asText()).isEqualTo(ada.id());
        assertThat(byId.path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(byId.has("email")).as("Graph's default fields are id and name").isFalse();
    }

    @Test
    void listsAreTheItemsWithoutFacebooksEnvelope() {
        FakePhoto photo = fixture.facebook.addPhoto(ada, "Notes");
        FakeVideo video = fixture.facebook.addVideo(ada, "Lecture");
        fixture.facebook.addUserLike(ada, page);

        assertList(fixture.get(userPath("friends")).send(), grace.id());
        assertList(fixture.get(userPath("photos")).query("type", "uploaded").send(), photo.id());
        assertList(fixture.get(userPath("videos")).send(), video.id());
        assertList(fixture.get(userPath("likes")).send(), page.id());
        assertList(fixture.get(userPath("status")).send(), post.id());
        assertList(fixture.get("status/" + post.id() + "/comments").send(), comment.id());
    }

    private static void assertList(HubResult result, String... expectedIds) {
        JsonNode items = json(result);
        assertThat(items.isArray()).isTrue();
        assertThat(ids(items)).containsExactly(expectedIds);
        assertThat(result.itemCount()).isEqualTo(expectedIds.length);
        assertThat(result.nextCursor()).isNull();
        assertThat(result.usage()).isNotNull();
    }

    @Test
    void permissionsListWhatTheUserGranted() {
        JsonNode permissions = json(fixture.get(userPath("permissions")).send());

        assertThat(permissions).extracting(permission -> permission.path("permission").asText())
                .containsAll(HubFixture.SCOPES);
        assertThat(permissions).allSatisfy(permission -> assertThat(permission.path("status").asText())
                .isEqualTo("granted"));
    }

    @Test
    void pagesAndAccountsListThePagesWithoutTheirTokens() {
        for (String path : List.of("pages", userPath("accounts"))) {
            JsonNode pages = json(fixture.get(path).send());

            assertThat(ids(pages)).as(path).containsExactly(page.id());
            assertThat(pages.get(0).path("name").asText()).isEqualTo("Analytical Engines");
            assertThat(pages.get(0).path("category").asText()).isEqualTo("Community");
            assertThat(pages.get(0).has("access_token")).as(path).isFalse();
        }
        JsonNode asked = json(fixture.get("pages").query("fields", "id,access_token").send());
        assertThat(asked.get(0).has("access_token")).as("not even when asked for").isFalse();
    }

    @Test
    void thePageAccessTokenResourceHandsOutThePagesToken() {
        JsonNode answer = json(fixture.get("pages/" + page.id() + "/page-access-token").send());

        assertThat(answer.path("id").asText()).isEqualTo(page.id());
        assertThat(answer.path("name").asText()).isEqualTo("Analytical Engines");
        assertThat(answer.path("access_token").asText()).isEqualTo(fixture.facebook.pageTokenFor(fixture.app, page));
        assertThat(fixture.facebook.isValidToken(answer.path("access_token").asText())).isTrue();
        Iterator<String> names = answer.fieldNames();
        assertThat(names).toIterable().containsExactly("id", "name", "access_token");
    }

    @Test
    void aPageTheUserDoesNotManageHasNoTokenToHandOut() {
        FakePage gracesPage = fixture.facebook.addPage(grace, "Compilers");

        ProviderException refused = catchThrowableOfType(
                () -> fixture.get("pages/" + gracesPage.id() + "/page-access-token").send(), ProviderException.class);

        assertThat(refused.errorClass()).isEqualTo(ProviderErrorClass.PERMISSION);
        assertThat(refused.error().usage()).isNotNull();
    }

    @Test
    void aPageInstanceDoesNotHandOutItsOwnToken() {
        String pageToken = fixture.facebook.pageTokenFor(fixture.app, page);

        ProviderException refused = catchThrowableOfType(() -> fixture.get("pages/" + page.id()
                + "/page-access-token").token(pageToken).send(), ProviderException.class);

        assertThat(refused.errorClass()).isEqualTo(ProviderErrorClass.PERMISSION);
        assertThat(refused.getMessage()).doesNotContain(pageToken);
    }

    @Test
    void aPagePostsOnItsFeedAndThePostCanBeReadAndDeleted() {
        String pageToken = fixture.facebook.pageTokenFor(fixture.app, page);

        JsonNode created = json(fixture.post("user/" + page.id() + "/status",
                "{\"message\":\"Open on Sunday\",\"link\":\"https://example.org/hours\"}").token(pageToken).send());
        String postId = created.path("id").asText();
        JsonNode read = json(fixture.get("status/" + postId).query("fields", "id,message,link").token(pageToken)
                .send());
        JsonNode listed = json(fixture.get("user/" + page.id() + "/status").token(pageToken).send());
        JsonNode deleted = json(fixture.delete("status/" + postId).token(pageToken).send());

        assertThat(postId).startsWith(page.id() + "_");
        assertThat(read.path("message").asText()).isEqualTo("Open on Sunday");
        assertThat(read.path("link").asText()).isEqualTo("https://example.org/hours");
        assertThat(ids(listed)).containsExactly(postId);
        assertThat(deleted).isEqualTo(json("{\"success\":true}".getBytes()));
        ProviderException gone = catchThrowableOfType(() -> fixture.get("status/" + postId).token(pageToken).send(),
                ProviderException.class);
        assertThat(gone.errorClass()).isEqualTo(ProviderErrorClass.BAD_REQUEST);
        assertThat(gone.error().providerMessage()).contains("does not exist");
    }

    @Test
    void aPersonsTimelineTakesNoPostsSince2018() {
        ProviderException refused = catchThrowableOfType(() -> fixture.post(userPath("status"),
                "{\"message\":\"Hello\"}").send(), ProviderException.class);

        assertThat(refused.errorClass()).isEqualTo(ProviderErrorClass.PERMISSION);
        assertThat(refused.error().providerMessage()).contains("publish_actions");
    }

    @Test
    void commentsAreWrittenListedAndDeleted() {
        JsonNode created = json(fixture.post("status/" + post.id() + "/comments", "{\"message\":\"Quite so\"}")
                .send());
        String commentId = created.path("id").asText();
        JsonNode listed = json(fixture.get("status/" + post.id() + "/comments").query("fields", "id,message,from")
                .send());
        JsonNode deleted = json(fixture.delete("user/comment/" + commentId).send());
        JsonNode after = json(fixture.get("status/" + post.id() + "/comments").send());

        assertThat(ids(listed)).containsExactly(comment.id(), commentId);
        assertThat(listed.get(1).path("message").asText()).isEqualTo("Quite so");
        assertThat(listed.get(1).path("from").path("id").asText()).isEqualTo(ada.id());
        assertThat(deleted).isEqualTo(json("{\"success\":true}".getBytes()));
        assertThat(ids(after)).containsExactly(comment.id());
    }

    @Test
    void aLikeIsAddedAndListed() {
        JsonNode liked = json(fixture.post("status/" + post.id() + "/like", null).send());
        HubResult likes = fixture.get("status/" + post.id() + "/likes").send();

        assertThat(liked).isEqualTo(json("{\"success\":true}".getBytes()));
        assertThat(ids(json(likes))).containsExactly(ada.id());
        assertThat(likes.itemCount()).isEqualTo(1);
    }

    @Test
    void objectsKeepNestedFieldsButLoseTokensAndPagingUrls() {
        fixture.facebook.addFriend(ada, fixture.facebook.createUser("Alan Turing"));
        JsonNode me = json(fixture.get("user/me").query("fields", "id,friends.limit(1){name},accounts{name,"
                + "access_token}").send());

        assertThat(me.at("/friends/data/0/id").asText()).isEqualTo(grace.id());
        assertThat(me.at("/accounts/data/0/name").asText()).isEqualTo("Analytical Engines");
        assertThat(me.at("/accounts/data/0").has("access_token")).isFalse();
        assertThat(me.at("/friends/paging/cursors").has("after")).as("a second friend follows").isTrue();
        assertThat(me.at("/friends/paging").has("next")).isFalse();
        assertThat(me.at("/friends/paging").has("previous")).isFalse();
    }
}
