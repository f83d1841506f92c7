package dev.elements.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.elements.core.element.ResourceDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.facebook.fake.FakeComment;
import dev.elements.facebook.fake.FakePage;
import dev.elements.facebook.fake.FakePhoto;
import dev.elements.facebook.fake.FakePost;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.facebook.fake.FakeVideo;
import dev.elements.facebook.fake.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every social hub resource reaches its Graph path and verb, with the token and the proof where they belong. */
class FacebookHubRoutesTest {
    private HubFixture fixture;
    private FakePage page;
    private FakePost post;
    private FakeComment comment;
    private FakePhoto photo;
    private FakeVideo video;

    /**
     * One resource's route. Placeholders {@code {ada}}, {@code {page}}, {@code {post}} and {@code {comment}}
     * stand for the fixture's objects.
     *
     * @param fields the {@code fields} the application sends, or null
     * @param sentFields the {@code fields} Facebook must receive, or null
     * @param asPage whether the call uses the page's token (publishing on a page needs one)
     */
    record Route(String method, String hubPath, String graphMethod, String graphPath, String fields,
            String sentFields, String body, boolean asPage) {
        @Override
        public String toString() {
            return method + " " + hubPath + " -> " + graphMethod + " " + graphPath;
        }
    }

    static Stream<Route> routes() {
        return Stream.of(
                new Route("GET", "ping", "GET", "/me", "name,email", "id", null, false),
                new Route("GET", "user/me", "GET", "/me", "id,name", "id,name", null, false),
                new Route("GET", "user/{ada}", "GET", "/{ada}", "id,name", "id,name", null, false),
                new Route("GET", "user/{ada}/friends", "GET", "/{ada}/friends", "id,name", "id,name", null, false),
                new Route("GET", "user/{ada}/permissions", "GET", "/{ada}/permissions", "permission,status",
                        "permission,status", null, false),
                new Route("GET", "user/{ada}/accounts", "GET", "/{ada}/accounts", "id,name", "id,name", null, false),
                new Route("GET", "user/{ada}/photos", "GET", "/{ada}/photos", "id,name", "id,name", null, false),
                new Route("GET", "user/{ada}/videos", "GET", "/{ada}/videos", "id,title", "id,title", null, false),
                new Route("GET", "user/{ada}/likes", "GET", "/{ada}/likes", "id,name", "id,name", null, false),
                new Route("GET", "user/{ada}/status", "GET", "/{ada}/posts", "id,message", "id,message", null,
                        false),
                new Route("POST", "user/{page}/status", "POST", "/{page}/feed", null, null,
                        "{\"message\":\"Opening hours\"}", true),
                new Route("GET", "status/{post}", "GET", "/{post}", "id,message", "id,message", null, false),
                new Route("DELETE", "status/{post}", "DELETE", "/{post}", null, null, null, false),
                new Route("GET", "status/{post}/comments", "GET", "/{post}/comments", "id,message", "id,message",
                        null, false),
                new Route("POST", "status/{post}/comments", "POST", "/{post}/comments", null, null,
                        "{\"message\":\"Quite so\"}", false),
                new Route("GET", "status/{post}/likes", "GET", "/{post}/likes", "id,name", "id,name", null, false),
                new Route("POST", "status/{post}/like", "POST", "/{post}/likes", null, null, null, false),
                new Route("DELETE", "user/comment/{comment}", "DELETE", "/{comment}", null, null, null, false),
                new Route("DELETE", "user/likes/{post}", "DELETE", "/{post}/likes", null, null, null, true),
                new Route("POST", "user/{page}/photos", "POST", "/{page}/photos", null, null,
                        "{\"message\":\"The engine\",\"url\":\"https://app.example/engine.png\"}", true),
                new Route("POST", "user/{page}/videos", "POST", "/{page}/videos", null, null,
                        "{\"message\":\"Lecture\",\"file_url\":\"https://app.example/lecture.mp4\"}", true),
                new Route("DELETE", "user/photo/{photo}", "DELETE", "/{photo}", null, null, null, false),
                new Route("DELETE", "user/video/{video}", "DELETE", "/{video}", null, null, null, false),
                new Route("GET", "pages", "GET", "/me/accounts", "id,name", "id,name", null, false),
                new Route("GET", "pages/{page}/page-access-token", "GET", "/{page}", "name", "id,name,access_token",
                        null, false));
    }

    @BeforeEach
    void start() {
        fixture = new HubFixture();
        FakeUser grace = fixture.facebook.createUser("Grace Hopper");
        fixture.facebook.addFriend(fixture.ada, grace);
        page = fixture.facebook.addPage(fixture.ada, "Analytical Engines");
        fixture.facebook.addUserLike(fixture.ada, page);
        post = fixture.facebook.addPost(fixture.ada, "The engine weaves algebraic patterns");
        comment = fixture.facebook.addComment(post.id(), grace, "Like the Jacquard loom");
        fixture.facebook.addLike(post.id(), grace);
        photo = fixture.facebook.addPhoto(fixture.ada, "Notes");
        video = fixture.facebook.addVideo(fixture.ada, "Lecture");
        fixture.facebook.resetCounters();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private String resolve(String template) {
        return template.replace("{ada}", fixture.ada.id()).replace("{page}", page.id()).replace("{post}", post.id())
                .replace("{comment}", comment.id()).replace("{photo}", photo.id()).replace("{video}", video.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void eachResourceReachesItsGraphPathWithTheTokenInTheHeaderAndTheProofInTheQuery(Route route) {
        String accessToken = route.asPage() ? fixture.facebook.pageTokenFor(fixture.app, page) : fixture.token;
        callFor(route).token(accessToken).send();

        assertThat(fixture.graphCalls()).hasSize(1);
        RecordedRequest sent = fixture.lastGraphCall();
        assertThat(sent.method()).isEqualTo(route.graphMethod());
        assertThat(sent.apiVersion()).isEqualTo("v25.0");
        assertThat(sent.path()).isEqualTo(resolve(route.graphPath()));
        assertThat(sent.query()).containsEntry("appsecret_proof", HubFixture.proof(HubFixture.APP_SECRET, accessToken))
                .doesNotContainKeys("access_token", "method");
        assertThat(sent.header("Authorization")).contains("Bearer " + accessToken);
        assertThat(sent.query().values()).noneMatch(value -> value.contains(accessToken));
        assertThat(sent.bodyParameters()).doesNotContainKey("access_token");
        if (route.sentFields() != null) {
            assertThat(sent.query()).containsEntry("fields", route.sentFields());
        } else {
            assertThat(sent.query()).doesNotContainKey("fields");
        }
        if (route.body() != null) {
            assertThat(sent.header("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/x-www-form-urlencoded"));
            assertThat(sent.bodyParameters()).containsKey("message");
        }
    }

    private HubFixture.Call callFor(Route route) {
        String path = resolve(route.hubPath());
        HubFixture.Call call = switch (route.method()) {
            case "GET" -> fixture.get(path);
            case "POST" -> fixture.post(path, route.body());
            case "DELETE" -> fixture.delete(path);
            default -> throw new IllegalArgumentException(route.method());
        };
        if (route.fields() != null) {
            call.query("fields", route.fields());
        }
        return call;
    }

    @Test
    void theRoutesAboveAreAllTheElementsResources() {
        List<String> tested = routes().map(route -> route.method() + " " + route.hubPath()
                .replaceAll("\\{(ada|page|post|comment|photo|video)}", "{id}")).toList();
        List<String> declared = fixture.provider.definition().resources().stream()
                .filter(ResourceDefinition::served)
                .map(resource -> resource.method() + " " + resource.path()).toList();

        assertThat(tested).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void theResourcesShowTheirGraphPathsAndVerbsAndWhichOnesPage() {
        List<ResourceDefinition> resources = fixture.provider.definition().resources();

        assertThat(resources).extracting(resource -> resource.method() + " " + resource.path() + " -> "
                + resource.vendorMethod() + " " + resource.vendorPath() + (resource.paged() ? " (paged)" : ""))
                .containsExactly(
                        "GET ping -> GET /me",
                        "GET user/me -> GET /me",
                        "GET user/{id} -> GET /{id}",
                        "GET user/{id}/friends -> GET /{id}/friends (paged)",
                        "GET user/{id}/permissions -> GET /{id}/permissions (paged)",
                        "GET user/{id}/accounts -> GET /{id}/accounts (paged)",
                        "GET user/{id}/photos -> GET /{id}/photos (paged)",
                        "GET user/{id}/videos -> GET /{id}/videos (paged)",
                        "GET user/{id}/likes -> GET /{id}/likes (paged)",
                        "GET user/{id}/status -> GET /{id}/posts (paged)",
                        "POST user/{id}/status -> POST /{id}/feed",
                        "GET status/{id} -> GET /{id}",
                        "DELETE status/{id} -> DELETE /{id}",
                        "GET status/{id}/comments -> GET /{id}/comments (paged)",
                        "POST status/{id}/comments -> POST /{id}/comments",
                        "GET status/{id}/likes -> GET /{id}/likes (paged)",
                        "POST status/{id}/like -> POST /{id}/likes",
                        "DELETE user/comment/{id} -> DELETE /{id}",
                        "DELETE user/likes/{id} -> DELETE /{id}/likes",
                        "POST user/{id}/photos -> POST /{id}/photos",
                        "POST user/{id}/videos -> POST /{id}/videos",
                        "DELETE user/photo/{id} -> DELETE /{id}",
                        "DELETE user/video/{id} -> DELETE /{id}",
                        "GET pages -> GET /me/accounts (paged)",
                        "GET pages/{id}/page-access-token -> GET /{id}",
                        "GET search/user -> GET /search",
                        "GET search/group -> GET /search",
                        "GET search/page -> GET /search",
                        "GET user/context/{id} -> GET /{id}");
        assertThat(resources).allSatisfy(resource -> assertThat(resource.description()).isNotBlank());
    }

    @Test
    void theApplicationsOwnParametersPassThroughAndTheReservedOnesAreDropped() {
        fixture.get("user/" + fixture.ada.id() + "/photos")
                .query("type", "uploaded")
                .query("since", "2015-01-01")
                .query("fields", "id,name")
                .query("access_token", "someone-elses-token")
                .query("appsecret_proof", "0000")
                .query("appsecret_time", "1")
                .query("limit", "5000")
                .query("after", "forged")
                .query("before", "forged")
                .query("offset", "7")
                .query("method", "delete")
                .query("suppress_http_code", "1")
                .query("Access_Token", "someone-elses-token")
                .page(10, null)
                .send();

        RecordedRequest sent = fixture.lastGraphCall();
        assertThat(sent.query()).containsOnlyKeys("type", "since", "fields", "limit", "appsecret_proof")
                .containsEntry("type", "uploaded").containsEntry("since", "2015-01-01")
                .containsEntry("fields", "id,name").containsEntry("limit", "10")
                .containsEntry("appsecret_proof", HubFixture.proof(HubFixture.APP_SECRET, fixture.token));
        assertThat(sent.header("Authorization")).contains("Bearer " + fixture.token);
    }

    @Test
    void aJsonBodyBecomesFormFieldsWithoutAnyCredentialOrVerbOverride() {
        String pageToken = fixture.facebook.pageTokenFor(fixture.app, page);

        fixture.post("user/" + page.id() + "/status", "{\"message\":\"Open on Sunday\",\"published\":true,"
                        + "\"scheduled\":1700000000,\"privacy\":{\"value\":\"EVERYONE\"},\"place\":null,"
                        + "\"access_token\":\"forged\",\"appsecret_proof\":\"forged\",\"method\":\"delete\"}")
                .token(pageToken).send();

        RecordedRequest sent = fixture.lastGraphCall();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.bodyParameters()).containsOnlyKeys("message", "published", "scheduled", "privacy")
                .containsEntry("message", "Open on Sunday").containsEntry("published", "true")
                .containsEntry("scheduled", "1700000000").containsEntry("privacy", "{\"value\":\"EVERYONE\"}");
        assertThat(sent.header("Authorization")).contains("Bearer " + pageToken);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefusedBeforeAnythingIsSent() {
        for (String body : List.of("[\"Quite so\"]", "\"Quite so\"", "Quite so", "{\"message\":")) {
            PlatformException refused = catchThrowableOfType(
                    () -> fixture.post("status/" + post.id() + "/comments", body).send(), PlatformException.class);

            assertThat(refused.code()).as(body).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(refused.providerMessage()).as("nothing came from Facebook").isEmpty();
        }
        assertThat(fixture.graphCalls()).isEmpty();
    }

    @Test
    void anEmptyBodySendsAnEmptyForm() {
        fixture.post("status/" + post.id() + "/like", null).send();

        assertThat(fixture.lastGraphCall().bodyParameters()).isEmpty();
        assertThat(fixture.lastGraphCall().path()).isEqualTo("/" + post.id() + "/likes");
    }

    @Test
    void oddPathValuesAreRefusedWithoutACall() {
        for (String odd : List.of("a/b", "..", "../debug_token", "me?fields=email", "me#x", "1 2", "%2F", "",
                ".hidden", "me&access_token=x", "é", "1\n2", "x".repeat(129))) {
            PlatformException refused = catchThrowableOfType(() -> fixture.get("status/1")
                    .pathParameters(Map.of("id", odd)).send(), PlatformException.class);

            assertThat(refused.code()).as(odd).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(refused.getMessage()).doesNotContain(odd.isEmpty() ? "\u0000" : odd);
        }
        assertThat(fixture.graphCalls()).isEmpty();
    }

    @Test
    void graphIdsAndMeAreSentWhereverThePlatformHandsThemOver() {
        for (String id : List.of("me", fixture.ada.id(), post.id(), comment.id())) {
            try {
                fixture.get("status/1").pathParameters(Map.of("id", id)).send();
            } catch (ProviderException refusedByFacebook) {
                // An unknown object is Facebook's refusal; the point is that the call was sent.
            }
            assertThat(fixture.lastGraphCall().path()).isEqualTo("/" + id);
        }
    }

    @Test
    void namesOfOtherGraphNodesAreNoIdsEvenWhenThePlatformHandsThemOver() {
        for (String name : List.of("debug_token", "app", "oauth", "cocacola", "page.name-1", "1_2_3", "_1", "1_",
                "0".repeat(66))) {
            PlatformException refused = catchThrowableOfType(() -> fixture.get("status/1")
                    .pathParameters(Map.of("id", name)).send(), PlatformException.class);

            assertThat(refused.code()).as(name).isEqualTo(ErrorCode.INVALID_FIELD);
        }
        assertThat(fixture.graphCalls()).isEmpty();
    }

    @Test
    void hubPathsThatNameGraphNodesInsteadOfIdsAreRefusedNamingTheParameterAndNeverReachFacebook() {
        for (String path : List.of("user/debug_token", "user/app", "user/oauth", "user/debug_token/friends",
                "user/app/permissions", "status/debug_token", "status/me", "status/oauth/comments",
                "pages/app/page-access-token", "pages/me/page-access-token", "user/" + "1".repeat(70))) {
            PlatformException refused = catchThrowableOfType(() -> fixture.get(path).send(), PlatformException.class);

            assertThat(refused).as(path).isNotNull();
            assertThat(refused.code()).as(path).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(refused.getMessage()).as(path).startsWith("The path parameter {id} of ")
                    .contains("must be a Facebook id");
        }
        PlatformException comment = catchThrowableOfType(() -> fixture.delete("user/comment/debug_token").send(),
                PlatformException.class);
        assertThat(comment.getMessage()).isEqualTo(
                "The path parameter {id} of user/comment/{id} must be a Facebook id (digits, or digits_digits)");
        assertThat(fixture.graphCalls()).as("Facebook saw none of them").isEmpty();
    }

    @Test
    void realIdsAndMeStillReachTheirGraphPaths() {
        fixture.get("user/me/friends").send();
        assertThat(fixture.lastGraphCall().path()).isEqualTo("/me/friends");
        fixture.get("user/" + fixture.ada.id()).send();
        assertThat(fixture.lastGraphCall().path()).isEqualTo("/" + fixture.ada.id());
        fixture.get("status/" + post.id() + "/comments").send();
        assertThat(fixture.lastGraphCall().path()).isEqualTo("/" + post.id() + "/comments");
        fixture.get("pages/" + page.id() + "/page-access-token").send();
        assertThat(fixture.lastGraphCall().path()).isEqualTo("/" + page.id());
        assertThat(fixture.graphCalls()).hasSize(4);
    }
}
