package dev.elements.facebook.fake;

import static dev.elements.facebook.fake.QueryStrings.encode;
import static dev.elements.facebook.fake.QueryStrings.queryOf;
import static dev.elements.facebook.fake.GraphNodesTest.ids;
import static dev.elements.facebook.fake.GraphNodesTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PagingTest extends FakeFacebookFixture {

    private String token;
    private final List<String> newestFirst = new ArrayList<>();

    @BeforeEach
    void postSixtyTimes() {
        token = facebook.issueUserToken(app, ada, "user_posts");
        for (int number = 1; number <= 60; number++) {
            newestFirst.add(0, facebook.addPost(ada, "post " + number).id());
        }
    }

    @Test
    void sixtyPostsComeInThreePagesNewestFirstFollowingAbsoluteNextUrls() {
        JsonNode first = ok(http.get(facebook.graphUrl() + "/me/posts?limit=25&access_token=" + token));
        String secondUrl = first.at("/paging/next").asText();
        JsonNode second = ok(http.get(secondUrl));
        String thirdUrl = second.at("/paging/next").asText();
        JsonNode third = ok(http.get(thirdUrl));

        assertThat(first.get("data")).hasSize(25);
        assertThat(second.get("data")).hasSize(25);
        assertThat(third.get("data")).hasSize(10);
        assertThat(third.get("paging").has("next")).as("the last page has no next").isFalse();
        List<String> all = new ArrayList<>(ids(first));
        all.addAll(ids(second));
        all.addAll(ids(third));
        assertThat(all).containsExactlyElementsOf(newestFirst).doesNotHaveDuplicates();
        for (String url : List.of(secondUrl, thirdUrl)) {
            assertThat(url).startsWith(facebook.baseUrl() + "/v25.0/");
            Map<String, String> query = queryOf(url);
            assertThat(query).containsEntry("access_token", token).containsEntry("limit", "25").containsKey("after");
        }
    }

    @Test
    void theDefaultPageSizeIs25() {
        JsonNode first = ok(http.get(facebook.graphUrl() + "/me/feed?access_token=" + token));

        assertThat(first.get("data")).hasSize(25);
        assertThat(first.at("/paging/cursors/after").asText()).isNotBlank();
    }

    @Test
    void cursorsAreOpaqueAndTheAfterCursorContinuesThePage() {
        JsonNode first = ok(http.get(facebook.graphUrl() + "/me/posts?limit=10&access_token=" + token));
        String after = first.at("/paging/cursors/after").asText();

        JsonNode next = ok(http.get(facebook.graphUrl() + "/me/posts?limit=10&after=" + encode(after)
                + "&access_token=" + token));

        assertThat(after).doesNotContain(newestFirst.get(9));
        assertThat(ids(next)).containsExactlyElementsOf(newestFirst.subList(10, 20));
    }

    @Test
    void previousLeadsBackToTheSamePage() {
        JsonNode first = ok(http.get(facebook.graphUrl() + "/me/posts?limit=25&access_token=" + token));
        JsonNode second = ok(http.get(first.at("/paging/next").asText()));

        JsonNode back = ok(http.get(second.at("/paging/previous").asText()));

        assertThat(first.get("paging").has("previous")).as("the first page has no previous").isFalse();
        assertThat(ids(back)).containsExactlyElementsOf(ids(first));
    }

    @Test
    void aCursorSurvivesDeletingThePostItPointsAt() {
        JsonNode first = ok(http.get(facebook.graphUrl() + "/me/posts?limit=5&access_token=" + token));
        String lastOfFirstPage = newestFirst.get(4);
        ok(http.delete(facebook.graphUrl() + "/" + lastOfFirstPage + "?access_token=" + token));

        JsonNode next = ok(http.get(first.at("/paging/next").asText()));

        assertThat(ids(next)).containsExactlyElementsOf(newestFirst.subList(5, 10));
    }

    @Test
    void otherParametersAreCarriedIntoNextButNotTheProof() {
        JsonNode first = ok(http.get(facebook.graphUrl() + "/me/posts?limit=30&fields=message&access_token=" + token));

        Map<String, String> next = queryOf(first.at("/paging/next").asText());
        JsonNode second = ok(http.get(first.at("/paging/next").asText()));

        assertThat(next).containsEntry("fields", "message").containsEntry("limit", "30")
                .doesNotContainKey("appsecret_proof");
        assertThat(second.get("data")).hasSize(30);
        assertThat(second.at("/data/0").has("created_time")).isFalse();
        assertThat(second.at("/data/0/message").asText()).isNotBlank();
    }

    @Test
    void aPageOfAnotherEdgePagesTheSameWay() {
        FakeUser grace = facebook.createUser("Grace Hopper");
        String postId = newestFirst.get(0);
        for (int number = 1; number <= 30; number++) {
            facebook.addComment(postId, grace, "comment " + number);
        }

        JsonNode first = ok(http.get(facebook.graphUrl() + "/" + postId + "/comments?access_token=" + token));
        JsonNode second = ok(http.get(first.at("/paging/next").asText()));

        assertThat(first.at("/data/0/message").asText()).as("oldest first").isEqualTo("comment 1");
        assertThat(second.get("data")).hasSize(5);
        assertThat(second.get("paging").has("next")).isFalse();
    }

    @Test
    void sinceAndUntilBoundTheFeedByCreatedTimeAndStayInThePagingLinks() {
        Instant earlier = facebook.now();
        facebook.advanceClock(Duration.ofHours(1));
        FakePost laterPost = facebook.addPost(ada, "later");
        String later = laterPost.id();
        String latest = facebook.addPost(ada, "latest").id();
        long laterSecond = laterPost.createdTime().getEpochSecond();

        JsonNode since = ok(http.get(facebook.graphUrl() + "/me/posts?limit=1&since=" + laterSecond
                + "&access_token=" + token));
        JsonNode sinceNext = ok(http.get(since.at("/paging/next").asText()));
        JsonNode until = ok(http.get(facebook.graphUrl() + "/me/feed?limit=100&until=" + earlier.getEpochSecond()
                + "&access_token=" + token));
        JsonNode isoSince = ok(http.get(facebook.graphUrl() + "/me/posts?since=" + encode(laterPost.createdTime().toString())
                + "&access_token=" + token));

        assertThat(since.at("/data/0/id").asText()).isEqualTo(latest);
        assertThat(sinceNext.at("/data/0/id").asText()).isEqualTo(later);
        assertThat(sinceNext.get("data")).hasSize(1);
        assertThat(until.get("data")).hasSize(60);
        assertThat(until.toString()).doesNotContain(later);
        assertThat(isoSince.get("data")).hasSize(2);
        assertThat(http.get(facebook.graphUrl() + "/me/posts?since=someday&access_token=" + token).body())
                .contains("(#100)");
    }
}
