package dev.elements.facebook.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.MultipartBody;
import dev.elements.testing.TestResponse;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Photos and videos published on pages as multipart uploads, their deletion, likes taken back, page tokens. */
class UploadsTest extends FakeFacebookFixture {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, (byte) 0xff};

    private FakePage page;
    private String userToken;
    private String pageToken;

    @BeforeEach
    void createPage() {
        page = facebook.addPage(ada, "Analytical Engines");
        userToken = facebook.issueUserToken(app, ada, "pages_show_list", "pages_manage_posts");
        pageToken = facebook.pageTokenFor(app, page);
    }

    private TestResponse upload(String path, String token, MultipartBody body) {
        return http.send(http.request(facebook.graphUrl() + path)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
    }

    @Test
    void aPagePublishesAPhotoFromAFilePartAndKeepsItsBytes() {
        TestResponse response = upload("/" + page.id() + "/photos", pageToken, MultipartBody.create()
                .field("caption", "The engine")
                .file("source", "engine.png", "image/png", PNG));

        assertThat(response.status()).isEqualTo(200);
        String id = response.json().path("id").asText();
        UploadedFile kept = facebook.uploadOf(id).orElseThrow();
        assertThat(kept.content()).isEqualTo(PNG);
        assertThat(kept.filename()).isEqualTo("engine.png");
        assertThat(kept.contentType()).isEqualTo("image/png");
        JsonNode photo = http.get(facebook.graphUrl() + "/" + id + "?fields=name&access_token=" + pageToken).json();
        assertThat(photo.path("name").asText()).isEqualTo("The engine");
        RecordedRequest sent = facebook.requests().get(0);
        assertThat(sent.bodyParameters()).containsEntry("caption", "The engine");
        assertThat(sent.files()).extracting(UploadedFile::name).containsExactly("source");
    }

    @Test
    void aPagePublishesAVideoWithItsTitle() {
        TestResponse response = upload("/" + page.id() + "/videos", pageToken, MultipartBody.create()
                .field("title", "Lecture")
                .file("source", "lecture.mp4", "video/mp4", "not really a video".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).isEqualTo(200);
        String id = response.json().path("id").asText();
        assertThat(facebook.hasMedia(id)).isTrue();
        assertThat(new String(facebook.uploadOf(id).orElseThrow().content(), StandardCharsets.UTF_8))
                .isEqualTo("not really a video");
    }

    @Test
    void publishingNeedsThePagesTokenAFileAndAPage() {
        MultipartBody photo = MultipartBody.create().file("source", "a.png", "image/png", PNG);

        TestResponse withUserToken = upload("/" + page.id() + "/photos", userToken, photo);
        assertThat(withUserToken.status()).isEqualTo(403);
        assertThat(withUserToken.json().at("/error/code").asInt()).isEqualTo(200);

        TestResponse onAPerson = upload("/me/photos", userToken, photo);
        assertThat(onAPerson.json().at("/error/message").asText()).contains("publish_actions");

        TestResponse withoutFile = upload("/" + page.id() + "/photos", pageToken,
                MultipartBody.create().field("caption", "nothing"));
        assertThat(withoutFile.json().at("/error/code").asInt()).isEqualTo(324);
    }

    @Test
    void thePageDeletesItsPhotoAndNobodyElseDoes() {
        String id = upload("/" + page.id() + "/photos", pageToken,
                MultipartBody.create().file("source", "a.png", "image/png", PNG)).json().path("id").asText();

        TestResponse byTheUser = http.delete(facebook.graphUrl() + "/" + id + "?access_token=" + userToken);
        assertThat(byTheUser.json().at("/error/code").asInt()).isEqualTo(200);
        assertThat(facebook.hasMedia(id)).isTrue();

        TestResponse byThePage = http.delete(facebook.graphUrl() + "/" + id + "?access_token=" + pageToken);
        assertThat(byThePage.json().path("success").asBoolean()).isTrue();
        assertThat(facebook.hasMedia(id)).isFalse();
        assertThat(facebook.uploadOf(id)).isEmpty();
    }

    @Test
    void likesAreTakenBackWithAPageTokenOnly() {
        FakePost post = facebook.addPost(page, "Opening hours");
        http.postForm(facebook.graphUrl() + "/" + post.id() + "/likes", java.util.Map.of("access_token", pageToken));
        assertThat(facebook.likeCountOf(post.id())).isEqualTo(1);

        TestResponse byTheUser = http.delete(facebook.graphUrl() + "/" + post.id() + "/likes?access_token="
                + userToken);
        assertThat(byTheUser.json().at("/error/code").asInt()).isEqualTo(3);
        assertThat(facebook.likeCountOf(post.id())).isEqualTo(1);

        TestResponse byThePage = http.delete(facebook.graphUrl() + "/" + post.id() + "/likes?access_token="
                + pageToken);
        assertThat(byThePage.json().path("success").asBoolean()).isTrue();
        assertThat(facebook.likeCountOf(post.id())).isZero();
    }

    @Test
    void aPagesTokenIsGivenToItsAdminOnly() {
        FakeUser grace = facebook.createUser("Grace Hopper");
        String graceToken = facebook.issueUserToken(app, grace, "pages_show_list");

        JsonNode forAda = http.get(facebook.graphUrl() + "/" + page.id() + "?fields=access_token&access_token="
                + userToken).json();
        JsonNode forGrace = http.get(facebook.graphUrl() + "/" + page.id() + "?fields=access_token&access_token="
                + graceToken).json();

        assertThat(forAda.path("access_token").asText()).isEqualTo(pageToken);
        assertThat(forAda.path("id").asText()).isEqualTo(page.id());
        assertThat(forGrace.has("access_token")).isFalse();
    }
}
