package dev.elements.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.hub.HubResult;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.spi.CredentialScrubber;
import dev.elements.facebook.fake.FakePage;
import dev.elements.facebook.fake.FakePost;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.facebook.fake.GraphError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The instance's token and the app secret are canaries: whatever the plugin hands back (bodies,
 * cursors, usage, exceptions with their messages and causes), neither may appear in it.
 */
class FacebookHubCredentialsTest {
    private HubFixture fixture;
    private FakePage page;
    private FakePost post;
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void start() {
        fixture = new HubFixture();
        FakeUser grace = fixture.facebook.createUser("Grace Hopper");
        FakeUser alan = fixture.facebook.createUser("Alan Turing");
        fixture.facebook.addFriend(fixture.ada, grace);
        fixture.facebook.addFriend(fixture.ada, alan);
        page = fixture.facebook.addPage(fixture.ada, "Analytical Engines");
        fixture.facebook.addUserLike(fixture.ada, page);
        for (int number = 0; number < 30; number++) {
            post = fixture.facebook.addPost(fixture.ada, "post " + number);
        }
        fixture.facebook.addComment(post.id(), grace, "Quite");
        fixture.facebook.addLike(post.id(), grace);
        fixture.facebook.addPhoto(fixture.ada, "Notes");
        fixture.facebook.addVideo(fixture.ada, "Lecture");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** Keeps everything a call hands back, answer or refusal, as text. */
    private void observe(Supplier<HubResult> call) {
        try {
            HubResult result = call.get();
            seen.add(new String(result.body(), StandardCharsets.UTF_8));
            seen.add(String.valueOf(result.nextCursor()));
            seen.add(String.valueOf(result.usage()));
            seen.add(result.toString());
        } catch (ProviderException refused) {
            for (Throwable failure = refused; failure != null; failure = failure.getCause()) {
                seen.add(String.valueOf(failure.getMessage()));
                seen.add(failure.toString());
            }
            seen.add(String.valueOf(refused.error()));
        } catch (dev.elements.core.error.PlatformException refused) {
            seen.add(String.valueOf(refused.getMessage()));
            seen.add(refused.toString());
        }
    }

    private void assertNoCanary() {
        assertThat(seen).isNotEmpty();
        assertThat(seen).noneMatch(text -> text.contains(fixture.token));
        assertThat(seen).noneMatch(text -> text.contains(HubFixture.APP_SECRET));
    }

    @Test
    void noAnswerOfAnyResourceCarriesTheTokenOrTheSecret() {
        String ada = "user/" + fixture.ada.id();
        String status = "status/" + post.id();
        List<String> lists = List.of(ada + "/friends", ada + "/permissions", ada + "/accounts", ada + "/photos",
                ada + "/videos", ada + "/likes", ada + "/status", status + "/comments", status + "/likes", "pages");
        for (String list : lists) {
            observe(() -> fixture.get(list).page(1, null).send());
            observe(() -> fixture.get(list).query("fields", "id,name,access_token").page(1, null).send());
        }
        observe(() -> fixture.get("ping").send());
        observe(() -> fixture.get("user/me").query("fields",
                "id,name,email,accounts{access_token,name},friends.limit(1){name},posts.limit(2){comments}").send());
        observe(() -> fixture.get(ada).send());
        observe(() -> fixture.get(status).query("fields", "id,message,comments,likes.limit(1)").send());
        observe(() -> fixture.get("pages/" + page.id() + "/page-access-token").send());
        observe(() -> fixture.post(status + "/comments", "{\"message\":\"Indeed\"}").send());
        observe(() -> fixture.post(status + "/like", null).send());
        observe(() -> fixture.post(ada + "/status", "{\"message\":\"Refused\"}").send());
        observe(() -> fixture.delete(status).send());
        observe(() -> fixture.delete("user/comment/1_2").send());

        assertNoCanary();
        assertThat(seen).as("the one token that is handed out, by design")
                .anyMatch(text -> text.contains(fixture.facebook.pageTokenFor(fixture.app, page)));
    }

    @Test
    void noRefusalOrFailureCarriesTheTokenOrTheSecret() {
        List<GraphError> errors = List.of(GraphError.invalidToken(), GraphError.expiredToken(),
                GraphError.applicationRequestLimit(), GraphError.pagesBusinessUseCaseLimit(),
                GraphError.permissionError(), GraphError.invalidParameter(), GraphError.serviceUnavailable(),
                GraphError.of(100, "(#100) Param access_token=" + fixture.token + " is not valid for app secret "
                        + HubFixture.APP_SECRET));
        for (GraphError error : errors) {
            fixture.facebook.failNextGraphCalls(1, error);
            observe(() -> fixture.get("user/me").send());
        }
        fixture.facebook.setGarbage(true);
        observe(() -> fixture.get("user/me").send());
        fixture.facebook.setGarbage(false);
        fixture.facebook.setDown(true);
        observe(() -> fixture.get("user/me").send());
        fixture.facebook.setDown(false);
        fixture.facebook.setLatency(Duration.ofMillis(800));
        observe(() -> fixture.get("user/me").timeout(Duration.ofMillis(200)).send());
        fixture.facebook.setLatency(Duration.ZERO);
        observe(() -> fixture.get("user/me").configuration(fixture.configuration("wrong-secret")).send());
        observe(() -> fixture.post("status/" + post.id() + "/comments", "[\"" + fixture.token + "\"]").send());
        fixture.facebook.expire(fixture.token);
        observe(() -> fixture.get("user/me").send());

        assertNoCanary();
        assertThat(seen).anyMatch(text -> text.contains("(#100) Param access_token=" + CredentialScrubber.MASK
                + " is not valid for app secret " + CredentialScrubber.MASK));
    }

    @Test
    void cursorsAreFacebooksCursorsNeverItsUrls() {
        HubResult first = fixture.get("user/" + fixture.ada.id() + "/status").page(10, null).send();

        assertThat(first.nextCursor()).isNotNull().doesNotContain("http").doesNotContain("access_token")
                .doesNotContain(fixture.token);
    }
}
