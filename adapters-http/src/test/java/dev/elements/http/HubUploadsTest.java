package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.core.hub.HubCall;
import dev.elements.testing.MultipartBody;
import dev.elements.testing.TestResponse;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code multipart/form-data} uploads on a real server: passed to the element as they came, with
 * their Content-Type, under the upload limit on the resources that take uploads only; and the 410
 * of a resource the provider removed. The scripted element's {@code files} takes uploads.
 */
class HubUploadsTest {
    private static final String HUB = ApiServer.BASE + "/hubs/testing";
    private static final long BODY_LIMIT = 1024;
    private static final long UPLOAD_LIMIT = 4096;

    private final ApiServer server = ApiServer.start(HttpApiSettings.defaults().withMaxBodyBytes(BODY_LIMIT)
            .withMaxUploadBytes(UPLOAD_LIMIT), Clock.systemUTC());
    private String element;

    @BeforeEach
    void provision() {
        JsonNode instance = server.provision(server.auth(), "Uploads", List.of());
        element = "Element " + instance.path("token").asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MultipartBody upload(int fileBytes) {
        byte[] file = new byte[fileBytes];
        Arrays.fill(file, (byte) 'x');
        return MultipartBody.create().field("caption", "A file").file("source", "a.bin", "application/octet-stream",
                file);
    }

    private TestResponse post(String path, MultipartBody body) {
        return server.send(HttpRequest.newBuilder(server.uri(HUB + "/" + path))
                .header("Authorization", element)
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
    }

    @Test
    void anUploadLargerThanTheBodyLimitReachesTheElementAsItCameWithItsContentType() {
        MultipartBody body = upload(3000);

        TestResponse response = post("files", body);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        HubCall seen = server.provider.seenHubCalls().get(0);
        assertThat(seen.body()).isEqualTo(body.bytes());
        assertThat(seen.contentType()).isEqualTo(body.contentType());
    }

    @Test
    void anUploadOverTheUploadLimitIs413NamingItAndNothingIsCalled() {
        TestResponse declared = post("files", upload(5000));

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.message()).contains(Long.toString(UPLOAD_LIMIT));
        assertThat(server.provider.hubCalls()).isZero();
    }

    @Test
    void anUndeclaredUploadOverTheLimitIsCutOffToo() {
        MultipartBody body = upload(5000);
        TestResponse chunked = server.send(HttpRequest.newBuilder(server.uri(HUB + "/files"))
                .header("Authorization", element)
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.bytes())))
                .build());

        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.message()).contains(Long.toString(UPLOAD_LIMIT));
        assertThat(server.provider.hubCalls()).isZero();
    }

    @Test
    void aResourceThatTakesNoUploadsKeepsTheBodyLimitAndWantsJson() {
        TestResponse large = post("items", upload(3000));
        TestResponse small = post("items", upload(100));

        assertThat(large.status()).isEqualTo(413);
        assertThat(large.message()).contains(Long.toString(BODY_LIMIT));
        assertThat(small.status()).isEqualTo(415);
        assertThat(server.provider.hubCalls()).isZero();
    }

    @Test
    void aWrongTokenIsRefusedBeforeAnUploadIsRead() {
        TestResponse response = server.send(HttpRequest.newBuilder(server.uri(HUB + "/files"))
                .header("Authorization", "Element wrong")
                .header("Content-Type", upload(10).contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(upload(3000).bytes())).build());

        assertThat(response.status()).isEqualTo(401);
        assertThat(server.provider.hubCalls()).isZero();
    }

    @Test
    void aResourceTheProviderRemovedIs410NamingWhatReplacedIt() {
        TestResponse response = server.get(HUB + "/retired", element);

        assertThat(response.status()).isEqualTo(410);
        assertThat(response.message()).contains("no longer served").contains("The items resource replaced it");
        assertThat(server.provider.hubCalls()).isZero();
    }
}
