package dev.elements.app.journey;

import static dev.elements.app.journey.JourneyServer.CALLBACK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.app.ElementsApi;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.facebook.fake.FakePost;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.facebook.fake.GraphError;
import dev.elements.facebook.fake.RecordedRequest;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The social hub as an application uses it, against the real server and the fake Facebook. */
class HubJourneyTest {
    private static final String APP_SECRET = "canary-hub-app-secret";

    @RegisterExtension
    final JourneyServer server = new JourneyServer();
    private final FakeFacebook facebook = server.facebook();
    private FakeApp app;
    private FakeUser ada;
    private TestHttpClient platform;
    private TestHttpClient hub;
    private TestHttpClient discovery;
    private String elementToken;
    private long instanceId;
    private final List<TestResponse> answers = new ArrayList<>();

    @BeforeEach
    void provision() {
        app = facebook.registerApp("556677", APP_SECRET, CALLBACK);
        ada = facebook.createUser("Ada Lovelace", "ada@example.com");
        FakeUser grace = facebook.createUser("Grace Hopper");
        facebook.addFriend(ada, grace);
        for (int i = 0; i < 60; i++) {
            facebook.addPost(ada, "post " + i);
        }
        facebook.loginAs(ada);
        int port = server.start(server.settings("hub-organization-secret-3c9e0a5b7d21f4", "hub-user-secret-9a7c1e5b3d0f2468ac")).port();
        platform = ElementsApi.asUser(port, "hub-user-secret-9a7c1e5b3d0f2468ac", "hub-organization-secret-3c9e0a5b7d21f4");
        String code = ElementsApi.facebookCode(platform, app, CALLBACK, "public_profile,email,user_posts");
        TestResponse created = platform.postJson("/instances",
                ElementsApi.facebookInstance(app, CALLBACK, code, "Ada's Facebook"));
        elementToken = created.json().path("token").asText();
        instanceId = created.json().path("id").asLong();
        hub = ElementsApi.at(port, "Element " + elementToken);
        discovery = ElementsApi.at(port, ElementsApi.platformAuthorization("hub-user-secret-9a7c1e5b3d0f2468ac",
                "hub-organization-secret-3c9e0a5b7d21f4") + ", Element " + elementToken);
    }

    private TestResponse get(String path) {
        TestResponse answer = hub.get("/hubs/social/" + path);
        answers.add(answer);
        return answer;
    }

    private static List<String> ids(TestResponse answer) {
        List<String> ids = new ArrayList<>();
        answer.json().forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    @Test
    void readsAndWritesThroughTheHubWithPagingInBothStylesAndLeaksNoToken() {
        TestResponse me = get("user/me?fields=id,name,email");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("id").asText()).isEqualTo(ada.id());
        assertThat(me.json().path("email").asText()).isEqualTo("ada@example.com");
        assertThat(me.header("Elements-Element-Instance-Id")).isEqualTo(Long.toString(instanceId));
        assertThat(get("anything-goes/../ping").status()).isIn(400, 404);
        assertThat(hub.get("/hubs/whatever/user/me").json().path("id").asText()).as("the hub segment is ignored")
                .isEqualTo(ada.id());

        TestResponse first = get("user/me/status?pageSize=25");
        TestResponse second = get("user/me/status?pageSize=25&nextPage=" + first.header("Elements-Next-Page-Token"));
        TestResponse byNumber = get("user/me/status?pageSize=25&page=2");
        TestResponse fifty = get("user/me/status?pageSize=50");
        TestResponse last = get("user/me/status?pageSize=25&page=3");
        assertThat(first.header("Elements-Returned-Count")).isEqualTo("25");
        assertThat(ids(second)).isEqualTo(ids(byNumber)).hasSize(25).doesNotContainAnyElementsOf(ids(first));
        List<String> both = new ArrayList<>(ids(first));
        both.addAll(ids(second));
        assertThat(ids(fifty)).isEqualTo(both);
        assertThat(ids(last)).hasSize(10);
        assertThat(last.header("Elements-Next-Page-Token")).isNull();
        Set<String> all = new HashSet<>(both);
        all.addAll(ids(last));
        assertThat(all).hasSize(60);
        assertThat(get("user/me/status?pageSize=500").json()).as("capped by pagination.max").hasSize(60);

        String postId = ids(first).get(0);
        TestResponse commented = hub.postJson("/hubs/social/status/" + postId + "/comments",
                "{\"message\": \"Well said\"}");
        answers.add(commented);
        assertThat(commented.status()).as(commented.toString()).isEqualTo(200);
        String commentId = commented.json().path("id").asText();
        assertThat(facebook.commentsOn(postId)).anySatisfy(comment -> assertThat(comment.message()).isEqualTo("Well said"));
        assertThat(get("status/" + postId + "/comments").json()).anySatisfy(comment ->
                assertThat(comment.path("id").asText()).isEqualTo(commentId));
        TestResponse liked = hub.postJson("/hubs/social/status/" + postId + "/like", "{}");
        assertThat(liked.status()).isEqualTo(200);
        assertThat(facebook.likeCountOf(postId)).isEqualTo(1);
        TestResponse deleted = hub.delete("/hubs/social/user/comment/" + commentId);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(facebook.commentsOn(postId)).isEmpty();
        assertThat(get("user/me/friends").json()).hasSize(1);

        TestResponse ownFeed = hub.postJson("/hubs/social/user/me/status", "{\"message\": \"hello\"}");
        assertThat(ownFeed.status()).as("Facebook refuses posts to a user's own feed").isEqualTo(403);
        assertThat(ownFeed.json().path("providerMessage").asText()).contains("(#200)");

        for (RecordedRequest request : facebook.requests()) {
            if (!request.path().contains("oauth") && !request.path().contains("debug_token")
                    && !request.path().contains("dialog")) {
                assertThat(request.query()).containsKey("appsecret_proof").doesNotContainKey("access_token");
            }
        }
        List<String> secrets = new ArrayList<>(facebook.tokensOf(ada));
        secrets.add(APP_SECRET);
        secrets.add(elementToken);
        StringBuilder everythingShown = new StringBuilder();
        for (TestResponse answer : answers) {
            everythingShown.append(answer.body()).append(answer.headers().map());
        }
        for (String secret : secrets) {
            if (!secret.equals(elementToken)) {
                assertThat(everythingShown.toString()).doesNotContain(secret);
            }
        }
        server.stop();
        server.assertNoSecretPrinted("Ada's Facebook", secrets);
    }

    /** The fields GET /objects/{name}/metadata declares, by vendorPath. */
    private List<String> declaredFields(String object) {
        TestResponse metadata = discovery.get("/hubs/social/objects/" + object + "/metadata");
        assertThat(metadata.status()).as(metadata.toString()).isEqualTo(200);
        List<String> fields = new ArrayList<>();
        metadata.json().path("fields").forEach(field -> fields.add(field.path("vendorPath").asText()));
        return fields;
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> keys = new HashSet<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void theDeclaredObjectsDescribeWhatTheHubAnswers() {
        TestResponse objects = discovery.get("/objects");
        assertThat(objects.status()).as(objects.toString()).isEqualTo(200);
        assertThat(objects.json()).extracting(JsonNode::asText)
                .contains("user", "status", "comment", "page", "photo", "video");

        List<String> userFields = declaredFields("user");
        TestResponse everything = get("user/me?fields=" + String.join(",", userFields));
        assertThat(everything.status()).as(everything.toString()).isEqualTo(200);
        assertThat(keys(everything.json())).as("Graph answers every declared field of the user, and no other")
                .isEqualTo(Set.copyOf(userFields));
        assertThat(userFields).containsAll(keys(get("user/me").json()));

        List<String> statusFields = declaredFields("status");
        TestResponse posts = get("user/me/status?pageSize=3&fields=" + String.join(",", statusFields));
        assertThat(posts.status()).as(posts.toString()).isEqualTo(200);
        posts.json().forEach(post -> assertThat(statusFields).containsAll(keys(post)));
        get("user/me/status?pageSize=3").json().forEach(post -> assertThat(statusFields).containsAll(keys(post)));
        assertThat(discovery.get("/objects/friendships/metadata").status()).isEqualTo(404);
    }

    @Test
    void anExpiredFacebookTokenIs401AndTheInstanceNeedsANewAuthorization() {
        facebook.failNextGraphCalls(1, GraphError.expiredToken());

        TestResponse refused = get("user/me");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("providerMessage").asText()).contains("Session has expired");
        JsonNode instance = platform.get("/instances/" + instanceId).json();
        assertThat(instance.path("status").asText()).isEqualTo("NEEDS_REAUTH");
        assertThat(instance.path("valid").asBoolean()).isFalse();
        int graphCalls = facebook.graphCalls();
        assertThat(get("user/me").status()).isEqualTo(401);
        assertThat(facebook.graphCalls()).as("no call with a token known to be dead").isEqualTo(graphCalls);
    }

    @Test
    void facebooksRefusalsBecomeTheirStatuses() {
        facebook.failNextGraphCalls(1, GraphError.userRequestLimit());
        TestResponse limited = get("user/me");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();

        facebook.failNextGraphCalls(1, GraphError.invalidParameter());
        assertThat(get("user/me?fields=nonsense").status()).isEqualTo(400);

        facebook.failNextGraphCalls(3, GraphError.serviceUnavailable());
        assertThat(get("user/me").status()).isEqualTo(502);

        facebook.setDown(true);
        assertThat(get("user/me").status()).isEqualTo(502);
        facebook.setDown(false);

        platform.postJson("/instances/" + instanceId + "/refresh", "{}");
        assertThat(get("user/me").status()).isEqualTo(200);
    }

    @Test
    void aDisabledInstanceIs403AndAnUnknownResource404() {
        assertThat(platform.delete("/instances/" + instanceId + "/enabled").status()).isEqualTo(200);
        TestResponse disabled = get("user/me");
        assertThat(disabled.status()).isEqualTo(403);
        assertThat(disabled.header("Elements-Element-Instance-Id")).isEqualTo(Long.toString(instanceId));
        platform.send("PUT", "/instances/" + instanceId + "/enabled", null, null);
        assertThat(get("user/me").status()).isEqualTo(200);
        TestResponse unknown = get("groups/123");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Elements-Element-Instance-Id")).as("a refusal names the instance too")
                .isEqualTo(Long.toString(instanceId));
        assertThat(hub.putJson("/hubs/social/user/me", "{}").status()).isEqualTo(405);
    }

    @Test
    void facebooksUsageHeadersHoldCallsBackBeforeFacebookRefusesTheApp() {
        facebook.setAppCallBudget(app.id(), 40);
        int answered = 0;
        TestResponse held = null;
        for (int i = 0; i < 60 && held == null; i++) {
            TestResponse answer = get("user/me");
            if (answer.status() == 200) {
                answered++;
            } else {
                held = answer;
            }
        }
        assertThat(held).as("calls are held back before the budget is spent").isNotNull();
        assertThat(held.status()).isEqualTo(429);
        assertThat(held.header("Retry-After")).isNotNull();
        assertThat(held.json().has("providerMessage")).as("the platform, not Facebook, said no").isFalse();
        assertThat(answered).isLessThan(40);
        int graphCalls = facebook.graphCalls();
        assertThat(get("user/me").status()).isEqualTo(429);
        assertThat(facebook.graphCalls()).isEqualTo(graphCalls);
    }
}
