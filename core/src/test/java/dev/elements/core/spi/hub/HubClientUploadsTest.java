package dev.elements.core.spi.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.element.ResourceDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.fake.oauth2.FakeJson;
import dev.elements.core.fake.oauth2.FakeOAuth2Options;
import dev.elements.core.fake.oauth2.FakeRequest;
import dev.elements.core.fake.oauth2.FakeResponse;
import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.spi.oauth2.OAuth2Options;
import dev.elements.core.spi.oauth2.OAuth2Protocol;
import dev.elements.core.spi.oauth2.ProviderFixture;
import dev.elements.testing.MultipartBody;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Multipart uploads passed through by the generic hub client, against the generic fake provider over real HTTP. */
class HubClientUploadsTest {
    private static final String BOUNDARY = "b0undary";
    private static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;
    private static final ResourceDefinition UPLOAD = new ResourceDefinition("photos", "POST", "/photos", "POST",
            "Uploads a photo", false).withUploads();
    private static final ResourceDefinition CREATE = new ResourceDefinition("things", "POST", "/things", "POST",
            "Creates a thing", false);

    private final ProviderFixture fixture = new ProviderFixture(FakeOAuth2Options.defaults());
    private final TokenSet tokens = fixture.tokens(new OAuth2Protocol(OAuth2Options.standard()));
    /** A form-field profile, as Facebook's: uploads are the resource's choice, whatever the profile sends. */
    private final HubClient client = new HubClient(HubProfile.rest(Paging.none(), "").withRequestBody(RequestBody.FORM)
            .withReservedParameters(Set.of("method", "appsecret_proof")));

    @BeforeEach
    void routes() {
        fixture.provider.route("POST", "/api/photos", request -> FakeResponse.json(200, FakeJson.object()
                .put("id", "77")));
        fixture.provider.route("POST", "/api/things", request -> FakeResponse.json(200, FakeJson.object()
                .put("id", "78")));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private HubResult call(ResourceDefinition resource, byte[] body, String contentType) {
        return client.call(new HubCall(resource, Map.of(), Map.of(), null, body, tokens, fixture.configuration(), null,
                true, contentType), fixture.context);
    }

    private FakeRequest lastRequest() {
        List<FakeRequest> requests = fixture.provider.requests();
        return requests.get(requests.size() - 1);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void anUploadGoesToTheProviderByteForByteWithItsOwnContentType() {
        MultipartBody body = MultipartBody.withBoundary(BOUNDARY).field("caption", "The engine")
                .file("source", "engine.png", "image/png", ascii("PNG-BYTES"));

        HubResult result = call(UPLOAD, body.bytes(), body.contentType());

        FakeRequest sent = lastRequest();
        assertThat(sent.header("Content-Type")).contains(body.contentType());
        assertThat(sent.body()).isEqualTo(new String(body.bytes(), StandardCharsets.ISO_8859_1));
        assertThat(sent.header("Authorization")).contains("Bearer " + tokens.accessToken());
        assertThat(new String(result.body(), StandardCharsets.UTF_8)).contains("77");
    }

    @Test
    void theSameResourceStillTakesJsonAsTheProfileSendsIt() {
        call(UPLOAD, ascii("{\"url\":\"https://app.example/a.png\"}"), "application/json");

        FakeRequest sent = lastRequest();
        assertThat(sent.header("Content-Type")).contains("application/x-www-form-urlencoded");
        assertThat(sent.form()).containsEntry("url", "https://app.example/a.png");
    }

    @ParameterizedTest
    @ValueSource(strings = {"access_token", "Access_Token", " method", "appsecret_proof", "access.token", "method[]",
        "appsecret proof"})
    void aPartNamedLikeAReservedParameterIsRefusedAndNothingIsSent(String name) {
        MultipartBody body = MultipartBody.withBoundary(BOUNDARY).field(name, "stolen")
                .file("source", "a.png", "image/png", ascii("PNG"));

        assertThatThrownBy(() -> call(UPLOAD, body.bytes(), body.contentType()))
                .isInstanceOfSatisfying(PlatformException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(refused.getMessage()).contains("may not have a part named " + name.strip());
                });
        assertThat(fixture.provider.requests()).noneMatch(request -> request.path().endsWith("/photos"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a second name, or an encoded one: readers differ on which wins
        "--b0undary\r\nContent-Disposition: form-data; name=\"caption\"; name=\"method\"\r\n\r\nx\r\n--b0undary--\r\n",
        "--b0undary\r\nContent-Disposition: form-data; name*=UTF-8''method\r\n\r\nx\r\n--b0undary--\r\n",
        // two dispositions in one part
        "--b0undary\r\nContent-Disposition: form-data; name=\"caption\"\r\nContent-Disposition: form-data;"
                + " name=\"method\"\r\n\r\nx\r\n--b0undary--\r\n",
        // a part hidden behind a bare LF before its delimiter is still a part
        "--b0undary\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nx\n--b0undary\r\n"
                + "Content-Disposition: form-data; name=\"access_token\"\r\n\r\nstolen\r\n--b0undary--\r\n",
        // no name, no disposition, no closing delimiter
        "--b0undary\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b0undary--\r\n",
        "--b0undary\r\nContent-Type: text/plain\r\n\r\nx\r\n--b0undary--\r\n",
        "--b0undary\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nx\r\n",
        "--b0undary\r\n\r\nx\r\n--b0undary--\r\n",
        // parts after the closing delimiter, which some readers go on reading
        "--b0undary\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nx\r\n--b0undary--\r\n--b0undary\r\n"
                + "Content-Disposition: form-data; name=\"method\"\r\n\r\ndelete\r\n--b0undary--\r\n",
        // a closing delimiter with more on its line, which strict readers take as content
        "--b0undary\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nx\r\n--b0undary--x\r\n\r\n--b0undary\r\n"
                + "Content-Disposition: form-data; name=\"method\"\r\n\r\ndelete\r\n--b0undary--\r\n",
        // a backslash in a quoted value: where the value ends depends on the reader
        "--b0undary\r\nContent-Disposition: form-data; filename=\"x\\\\\"; name=source; w=\"; name=method; v=\"\r\n"
                + "\r\nx\r\n--b0undary--\r\n"
    })
    void aBodyWhosePartsCouldBeReadTwoWaysIsRefused(String body) {
        assertThatThrownBy(() -> call(UPLOAD, ascii(body), CONTENT_TYPE))
                .isInstanceOfSatisfying(PlatformException.class, refused ->
                        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_FIELD));
        assertThat(fixture.provider.requests()).noneMatch(request -> request.path().endsWith("/photos"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "multipart/form-data; boundary=b0undary; boundary=other",
        "multipart/form-data; xboundary=other; boundary=b0undary",
        "multipart/form-data; boundary*=UTF-8''b0undary",
        "multipart/form-data; boundary=\"b0u;ndary\"",
        "multipart/form-data; boundary=b0 undary",
        "multipart/form-data; charset=\"x; boundary=evil\"; boundary=b0undary"
    })
    void aBoundaryThatReadersCouldReadTwoWaysIsRefused(String contentType) {
        MultipartBody body = MultipartBody.withBoundary(BOUNDARY).file("source", "a.png", "image/png", ascii("PNG"));

        assertThatThrownBy(() -> call(UPLOAD, body.bytes(), contentType))
                .isInstanceOfSatisfying(PlatformException.class, refused ->
                        assertThat(refused.getMessage()).contains("exactly one boundary"));
        assertThat(fixture.provider.requests()).noneMatch(request -> request.path().endsWith("/photos"));
    }

    @Test
    void theProviderGetsAContentTypeWithTheBoundaryThePartsWereReadBy() {
        MultipartBody body = MultipartBody.withBoundary(BOUNDARY).file("source", "a.png", "image/png", ascii("PNG"));

        call(UPLOAD, body.bytes(), "Multipart/Form-Data; charset=utf-8; boundary=\"b0undary\"");

        assertThat(lastRequest().header("Content-Type")).contains("multipart/form-data; boundary=b0undary");
    }

    @Test
    void aBoundaryIsNeeded() {
        assertThatThrownBy(() -> call(UPLOAD, ascii("--x--\r\n"), "multipart/form-data"))
                .isInstanceOf(PlatformException.class).hasMessageContaining("boundary");
    }

    @Test
    void aResourceThatTakesNoUploadsRefusesOne() {
        MultipartBody body = MultipartBody.withBoundary(BOUNDARY).field("name", "thing");

        assertThatThrownBy(() -> call(CREATE, body.bytes(), body.contentType()))
                .isInstanceOf(PlatformException.class)
                .hasMessage("POST things takes a JSON body, not a multipart/form-data upload");
        assertThat(fixture.provider.requests()).noneMatch(request -> request.path().endsWith("/things"));
    }

    @Test
    void uploadsAreNoProfilesChoice() {
        assertThatThrownBy(() -> HubProfile.rest(Paging.none(), "").withRequestBody(RequestBody.MULTIPART))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
