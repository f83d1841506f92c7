package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What happens below the routes: bodies, media types, sizes, unknown routes and verbs, request ids. */
class TransportErrorsTest {
    private static final String INSTANCES = "/elements/api-v2/instances";
    private static final String REQUEST_ID = "[0-9a-f]{24}";

    private final ApiServer server = ApiServer.start();
    private final List<TestResponse> responses = new ArrayList<>();

    @AfterEach
    void everyResponseHadARequestIdAndErrorsRepeatedIt() {
        try {
            assertThat(responses).isNotEmpty();
            for (TestResponse response : responses) {
                assertThat(response.requestId()).as(response.body()).matches(REQUEST_ID);
                assertThat(response.header("Access-Control-Expose-Headers"))
                        .as("no CORS header while no origin is allowed").isNull();
                if (response.status() >= 400) {
                    ApiServer.assertJsonContentType(response);
                    JsonNode body = response.json();
                    assertThat(body.path("requestId").asText()).isEqualTo(response.requestId());
                    assertThat(body.path("message").asText()).isNotBlank();
                    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
                }
            }
        } finally {
            server.close();
        }
    }

    /** A JSON POST of what the kit's string shortcuts do not send: raw bytes, or bytes of unknown length. */
    private TestResponse postInstances(HttpRequest.BodyPublisher body) {
        TestHttpClient client = server.as(server.auth());
        return record(client.send(client.request(INSTANCES)
                .header("Content-Type", "application/json")
                .POST(body)
                .build()));
    }

    private TestResponse record(TestResponse response) {
        responses.add(response);
        return response;
    }

    @Test
    void malformedJsonSaysWhere() {
        TestResponse response = record(server.postJson(INSTANCES, server.auth(),
                "{\"element\": {\"key\": \"scripted\"},\n \"name\": oops-secret-token}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).contains("not valid JSON").contains("line 2").doesNotContain("oops-secret-token");
    }

    @Test
    void truncatedJsonAndTrailingGarbageAre400() {
        TestResponse truncated = record(server.postJson(INSTANCES, server.auth(), "{\"element\": {"));
        TestResponse trailing = record(server.postJson(INSTANCES, server.auth(), "{} {}"));
        TestResponse empty = record(server.postJson(INSTANCES, server.auth(), ""));

        assertThat(truncated.status()).isEqualTo(400);
        assertThat(trailing.status()).isEqualTo(400);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.message()).contains("empty");
    }

    @Test
    void bodyThatIsNotAnObjectIs400() {
        TestResponse array = record(server.postJson(INSTANCES, server.auth(), "[1, 2]"));
        TestResponse string = record(server.postJson(INSTANCES, server.auth(), "\"text\""));

        assertThat(array.status()).isEqualTo(400);
        assertThat(array.message()).contains("must be a JSON object").contains("array");
        assertThat(string.status()).isEqualTo(400);
    }

    @Test
    void postWithoutJsonContentTypeIs415() {
        TestResponse plain = record(server.post(INSTANCES, server.auth(), "text/plain", "{}"));
        TestResponse none = record(server.post(INSTANCES, server.auth(), null, "{}"));
        TestResponse form = record(server.post("/elements/api-v2/elements/scripted/oauth/url", null,
                "application/x-www-form-urlencoded", "apiKey=a"));
        TestResponse latin1 = record(server.post(INSTANCES, server.auth(),
                "application/json; charset=iso-8859-1", "{}"));

        assertThat(plain.status()).isEqualTo(415);
        assertThat(none.status()).isEqualTo(415);
        assertThat(form.status()).isEqualTo(415);
        assertThat(latin1.status()).isEqualTo(415);
        assertThat(plain.message()).contains("application/json");
    }

    @Test
    void charsetParameterIsAllowed() {
        TestResponse response = record(server.post(INSTANCES, server.auth(),
                "application/json; charset=UTF-8", "{\"element\": {\"key\": \"nosuchelement\"},"
                        + " \"providerData\": {\"code\": \"c\"}}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).contains("nosuchelement");
    }

    @Test
    void bodyJustOverTheLimitIs413() {
        byte[] body = oversizeJson(HttpApiSettings.DEFAULT_MAX_BODY_BYTES + 1);

        TestResponse response = postInstances(HttpRequest.BodyPublishers.ofByteArray(body));

        assertThat(response.status()).isEqualTo(413);
        // The server is fine afterwards.
        assertThat(record(server.get("/health", null)).status()).isEqualTo(200);
    }

    @Test
    void bodyOfExactlyTheLimitIsRead() {
        byte[] body = oversizeJson(HttpApiSettings.DEFAULT_MAX_BODY_BYTES);

        TestResponse response = postInstances(HttpRequest.BodyPublishers.ofByteArray(body));

        assertThat(response.status()).isEqualTo(400); // parsed: the padding is no instance
        assertThat(response.message()).contains("element");
    }

    @Test
    void oversizeBodyWithoutContentLengthIs413() {
        byte[] body = oversizeJson(HttpApiSettings.DEFAULT_MAX_BODY_BYTES + 1);

        // A publisher of unknown length makes the client send the body chunked.
        TestResponse response = postInstances(
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));

        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void unknownRouteIsJson404() {
        TestResponse response = record(server.get("/elements/api-v2/nothing-here", server.auth()));
        TestResponse outside = record(server.get("/favicon.ico", null));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.message()).contains("/elements/api-v2/nothing-here");
        assertThat(outside.status()).isEqualTo(404);
    }

    @Test
    void wrongVerbIsJson405() {
        TestResponse response = record(server.delete("/elements/api-v2/elements", server.auth()));
        TestResponse post = record(server.post(INSTANCES + "/5", null, null, "{}"));
        // Not an instance called "token": the token-scoped path, with the wrong verb.
        TestResponse tokenPath = record(server.delete(INSTANCES + "/token", server.auth()));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).contains("GET");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).contains("GET", "PUT", "PATCH", "DELETE").doesNotContain("POST");
        assertThat(tokenPath.status()).isEqualTo(405);
        assertThat(tokenPath.header("Allow")).isEqualTo("POST");
        assertThat(tokenPath.json().path("requestId").asText()).isEqualTo(tokenPath.requestId());
    }

    @Test
    void successfulResponsesCarryARequestIdToo() {
        TestResponse first = record(server.get("/elements/api-v2/elements/keys", server.auth()));
        TestResponse second = record(server.get("/health", null));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.requestId()).isNotEqualTo(second.requestId());
    }

    @Test
    void missingGarbledAndWrongAuthorizationAre401() {
        String path = "/elements/api-v2/elements";
        TestResponse missing = record(server.get(path, null));
        TestResponse garbled = record(server.get(path, "Bearer-secret-in-wrong-place"));
        TestResponse unknownType = record(server.get(path, "User a, Bearer b"));
        TestResponse repeated = record(server.get(path, "User a, User b, Organization c"));
        TestResponse wrong = record(server.get(path, "User wrong, Organization " + server.organizationSecret));
        TestResponse onlyUser = record(server.get(path, "User " + server.userSecret));
        TestResponse swapped = record(server.get(path,
                "Organization " + server.userSecret + ", User " + server.organizationSecret));

        for (TestResponse response : List.of(missing, garbled, unknownType, repeated, wrong, onlyUser, swapped)) {
            assertThat(response.status()).as(response.body()).isEqualTo(401);
        }
        assertThat(garbled.message()).contains("Authorization").doesNotContain("Bearer-secret-in-wrong-place");
        assertThat(unknownType.message()).contains("unknown type").doesNotContain("Bearer");
        assertThat(repeated.message()).contains("User").contains("more than once");
        assertThat(wrong.body()).doesNotContain(server.organizationSecret);
    }

    @Test
    void orderOfAuthorizationPairsDoesNotMatter() {
        TestResponse response = record(server.get("/elements/api-v2/elements/keys",
                "Organization " + server.organizationSecret + ",User " + server.userSecret));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void errorsJettyAnswersItselfAreJsonWithARequestIdToo() {
        TestResponse response = record(server.as(null).withHeader("X-Padding", "p".repeat(20_000))
                .get("/health"));

        assertThat(response.status()).isEqualTo(431);
        assertThat(response.body()).doesNotContain("ppppp");
    }

    private static byte[] oversizeJson(long size) {
        String head = "{\"padding\": \"";
        String tail = "\"}";
        byte[] body = new byte[(int) size];
        Arrays.fill(body, (byte) 'a');
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] tailBytes = tail.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(headBytes, 0, body, 0, headBytes.length);
        System.arraycopy(tailBytes, 0, body, body.length - tailBytes.length, tailBytes.length);
        return body;
    }
}
