package dev.elements.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.element.ResourceDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.hub.HubResult;
import dev.elements.facebook.fake.FakePage;
import dev.elements.facebook.fake.FakePost;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.facebook.fake.RecordedRequest;
import dev.elements.facebook.fake.UploadedFile;
import dev.elements.testing.MultipartBody;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Photo and video uploads, deletes and likes taken back, made as a page with {@code pageToken},
 * against the fake Facebook over real HTTP.
 */
class FacebookHubUploadsTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, (byte) 0xff};

    private HubFixture fixture;
    private FakePage page;
    private String pageToken;

    @BeforeEach
    void start() {
        fixture = new HubFixture();
        page = fixture.facebook.addPage(fixture.ada, "Analytical Engines");
        pageToken = fixture.facebook.pageTokenFor(fixture.app, page);
        fixture.facebook.resetCounters();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static MultipartBody photo() {
        return MultipartBody.create().field("caption", "The engine").file("source", "engine.png", "image/png", PNG);
    }

    @Test
    void aPhotoIsUploadedAsThePageWithThePagesTokenLookedUpThroughTheInstance() {
        HubResult result = fixture.upload("user/" + page.id() + "/photos", photo())
                .query("pageToken", page.id()).send();

        String id = HubFixture.json(result).path("id").asText();
        UploadedFile kept = fixture.facebook.uploadOf(id).orElseThrow();
        assertThat(kept.content()).isEqualTo(PNG);
        assertThat(kept.name()).isEqualTo("source");

        List<RecordedRequest> calls = fixture.graphCalls();
        assertThat(calls).hasSize(2);
        RecordedRequest lookup = calls.get(0);
        assertThat(lookup.method() + " " + lookup.path()).isEqualTo("GET /" + page.id());
        assertThat(lookup.query()).containsEntry("fields", "id,access_token")
                .containsEntry("appsecret_proof", HubFixture.proof(HubFixture.APP_SECRET, fixture.token));
        assertThat(lookup.header("Authorization")).contains("Bearer " + fixture.token);
        RecordedRequest upload = calls.get(1);
        assertThat(upload.method() + " " + upload.path()).isEqualTo("POST /" + page.id() + "/photos");
        assertThat(upload.header("Authorization")).contains("Bearer " + pageToken);
        assertThat(upload.query()).containsEntry("appsecret_proof", HubFixture.proof(HubFixture.APP_SECRET, pageToken))
                .doesNotContainKey("pageToken");
        assertThat(upload.header("Content-Type")).contains(photo().contentType());
        assertThat(upload.bodyParameters()).containsEntry("caption", "The engine");
        assertThat(new String(result.body(), StandardCharsets.UTF_8)).doesNotContain(pageToken)
                .doesNotContain(fixture.token);
    }

    @Test
    void aVideoIsUploadedAsThePageAndDeletedAgain() {
        HubResult uploaded = fixture.upload("user/" + page.id() + "/videos", MultipartBody.create()
                .field("title", "Lecture").file("source", "lecture.mp4", "video/mp4", PNG))
                .query("pageToken", page.id()).send();
        String id = HubFixture.json(uploaded).path("id").asText();
        assertThat(fixture.facebook.hasMedia(id)).isTrue();

        HubResult deleted = fixture.delete("user/video/" + id).query("pageToken", page.id()).send();

        assertThat(HubFixture.json(deleted).path("success").asBoolean()).isTrue();
        assertThat(fixture.facebook.hasMedia(id)).isFalse();
    }

    @Test
    void anUploadedPhotoIsDeletedAsThePage() {
        String id = HubFixture.json(fixture.upload("user/" + page.id() + "/photos", photo())
                .query("pageToken", page.id()).send()).path("id").asText();

        fixture.delete("user/photo/" + id).query("pageToken", page.id()).send();

        assertThat(fixture.facebook.hasMedia(id)).isFalse();
    }

    @Test
    void aLikeIsTakenBackAsThePageAndTheUsersOwnTokenCannot() {
        FakePost post = fixture.facebook.addPost(page, "Opening hours");
        fixture.post("status/" + post.id() + "/like", null).token(pageToken).send();
        assertThat(fixture.facebook.likeCountOf(post.id())).isEqualTo(1);

        assertThatThrownBy(() -> fixture.delete("user/likes/" + post.id()).send())
                .isInstanceOf(dev.elements.core.oauth.ProviderException.class);
        HubResult unliked = fixture.delete("user/likes/" + post.id()).query("pageToken", page.id()).send();

        assertThat(HubFixture.json(unliked).path("success").asBoolean()).isTrue();
        assertThat(fixture.facebook.likeCountOf(post.id())).isZero();
    }

    @Test
    void aPageTheUserDoesNotManageIsRefusedWith403AndOnlyTheLookupIsSent() {
        FakeUser grace = fixture.facebook.createUser("Grace Hopper");
        FakePage graces = fixture.facebook.addPage(grace, "Compilers");

        assertThatThrownBy(() -> fixture.upload("user/" + graces.id() + "/photos", photo())
                .query("pageToken", graces.id()).send())
                .isInstanceOfSatisfying(PlatformException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(ErrorCode.NOT_ALLOWED);
                    assertThat(refused.getMessage()).contains("does not manage the page")
                            .contains(graces.id());
                });
        assertThat(fixture.graphCalls()).extracting(RecordedRequest::method).containsExactly("GET");
    }

    @Test
    void pageTokenNamesAPageAndNeverCarriesAToken() {
        for (String value : List.of(pageToken, "me", "12ab", "")) {
            assertThatThrownBy(() -> fixture.upload("user/" + page.id() + "/photos", photo())
                    .query("pageToken", value).send())
                    .isInstanceOfSatisfying(PlatformException.class, refused -> {
                        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                        assertThat(refused.getMessage()).contains("pageToken must be the id of one page");
                        if (!value.isEmpty()) {
                            assertThat(refused.getMessage()).doesNotContain(value);
                        }
                    });
        }
        assertThat(fixture.graphCalls()).isEmpty();
    }

    @Test
    void anUploadCannotSmuggleTheTokenOrTheVerbAsAPart() {
        for (String reserved : List.of("access_token", "appsecret_proof", "method", "pageToken")) {
            assertThatThrownBy(() -> fixture.upload("user/" + page.id() + "/photos", photo().field(reserved, "x"))
                    .token(pageToken).send())
                    .isInstanceOf(PlatformException.class)
                    .hasMessageContaining("may not have a part named " + reserved);
        }
        assertThat(fixture.graphCalls()).isEmpty();
    }

    @Test
    void theResourcesGraphRemovedSayWhatReplacedThem() {
        assertThat(fixture.provider.definition().resources()).filteredOn(resource -> !resource.served())
                .extracting(ResourceDefinition::path)
                .containsExactly("search/user", "search/group", "search/page", "user/context/{id}");
        assertThat(fixture.provider.definition().resources()).filteredOn(resource -> !resource.served())
                .allSatisfy(resource -> assertThat(resource.replacement()).matches(".*(nothing replaced|GET /).*"));
    }
}
