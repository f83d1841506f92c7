package dev.elements.http;

import dev.elements.testing.TestResponse;
import static dev.elements.http.ApiServer.INSTANCES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 9: error messages quoted request values whole (a 900-digit element key came back in full).
 * A message may name a value only by a short prefix with anything unprintable or markup-like
 * replaced, wherever the message is built: in the adapter and in core.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuotedRequestValuesTest {
    private static final String HUGE = "9".repeat(900);
    /** Markup, control characters, a right-to-left override and a line break: nothing of it may come back. */
    private static final String HOSTILE = "<script>alert(1)</script>\u0001\u0007\u001b[31m\u202e\r\nInjected: yes";

    private ApiServer server;

    @BeforeAll
    void start() {
        server = ApiServer.start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void anElementKeyInThePath() {
        assertQuotedShortly(server.get(ApiServer.BASE + "/elements/" + HUGE, server.auth()), 404);
        assertQuotedShortly(server.get(ApiServer.BASE + "/elements/" + encoded(HOSTILE), server.auth()), 404);
        assertQuotedShortly(server.get(ApiServer.BASE + "/elements/" + encoded(HOSTILE) + "/instances",
                server.auth()), 404);
        assertQuotedShortly(server.get(ApiServer.BASE + "/elements/" + HUGE + "/instances", server.auth()), 404);
    }

    @Test
    void anElementKeyInTheBody() {
        for (String key : List.of(HUGE, HOSTILE)) {
            ObjectNode body = (ObjectNode) TestResponse.JSON.createObjectNode();
            body.putObject("element").put("key", key);
            body.putObject("providerData").put("code", "unused");
            ObjectNode configuration = body.putObject("configuration");
            configuration.put("oauth.api.key", "app-id");
            configuration.put("oauth.api.secret", "app-secret-value");
            configuration.put("oauth.callback.url", "https://app.example/callback");

            assertQuotedShortly(server.postJson(INSTANCES, server.auth(), body.toString()), 400);
        }
    }

    @Test
    void fieldNamesOfTheBody() {
        // A thousand fields of a wrong type: the message names a few and counts the rest.
        ObjectNode body = (ObjectNode) TestResponse.JSON.createObjectNode();
        body.putObject("element").put("key", "scripted");
        com.fasterxml.jackson.databind.node.ArrayNode tags = body.putArray("tags");
        for (int i = 0; i < 1_000; i++) {
            tags.add(i);
        }
        TestResponse wrongTypes = server.postJson(INSTANCES, server.auth(), body.toString());
        assertThat(wrongTypes.message()).startsWith("tags[0] must be a string").endsWith("and 990 more");
        assertThat(wrongTypes.message()).hasSizeLessThan(400);

        // A field name is the client's choice.
        String hostileKey = HOSTILE + "a".repeat(100);

        String duplicate = TestResponse.JSON.valueToTree(hostileKey).toString();
        assertQuotedShortly(server.postJson(INSTANCES, server.auth(), "{" + duplicate + ": 1, " + duplicate + ": 2}"),
                400);
    }

    @Test
    void aPathWithoutARoute() {
        assertQuotedShortly(server.get(ApiServer.BASE + "/" + HUGE, server.auth()), 404);
        assertQuotedShortly(server.get(ApiServer.BASE + "/" + encoded(HOSTILE), server.auth()), 404);
    }

    @Test
    void aHubResource() {
        String token = server.provision(server.auth(), "quoted", List.of()).path("token").asText();
        String withToken = ApiServer.withToken(server.auth(), token);

        assertQuotedShortly(server.get(ApiServer.BASE + "/hubs/testing/" + HUGE, withToken), 404);
        // Without its slashes: an encoded slash is refused before any resource is looked up.
        assertQuotedShortly(server.get(ApiServer.BASE + "/hubs/testing/" + encoded(HOSTILE.replace("/", "")),
                withToken), 404);
    }

    @Test
    void anEmailAddressThatExistsAlready() {
        String hostileEmail = "<img/src=x/onerror=alert(1)>" + "a".repeat(150) + "@example.com";
        String body = "{\"emailAddress\": \"" + hostileEmail + "\", \"firstName\": \"Eve\", \"lastName\": \"E\","
                + " \"role\": \"org\"}";
        assertThat(server.postJson(ApiServer.BASE + "/organizations/users", server.auth(), body).status())
                .isEqualTo(200);

        assertQuotedShortly(server.postJson(ApiServer.BASE + "/organizations/users", server.auth(), body), 409);
    }

    private static void assertQuotedShortly(TestResponse response, int status) {
        String message = response.message();
        assertThat(response.status()).as(message).isEqualTo(status);
        assertThat(message).as("a short message").hasSizeLessThan(200)
                .doesNotContain("9".repeat(40), "a".repeat(40))
                .doesNotContain("<", ">", "\r", "\n", "\u202e", "\u001b", "\u0001", "\u0007");
        assertThat(message.codePoints().filter(Character::isISOControl).count()).as(message).isZero();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
