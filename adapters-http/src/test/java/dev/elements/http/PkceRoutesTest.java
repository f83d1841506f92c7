package dev.elements.http;

import static dev.elements.http.ElementRoutesTest.encode;
import static dev.elements.http.ElementRoutesTest.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.elements.core.oauth.AuthorizationCode;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.testing.LogCapture;
import dev.elements.testing.TestResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An element that uses PKCE over HTTP: the state travels back in providerData, and the answers say what is wrong. */
class PkceRoutesTest {
    private static final String OAUTH_URL = "/elements/api-v2/elements/scripted/oauth/url";
    private static final int LIMIT = 2;

    private final ApiServer server = ApiServer.start(builder -> builder.pendingAuthorizationLimit(LIMIT));

    PkceRoutesTest() {
        server.provider.usePkce(true);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestResponse loginUrl(String state) {
        return server.get(OAUTH_URL + "?apiKey=app-id&callbackUrl=" + encode("https://app.example/callback")
                + (state == null ? "" : "&state=" + encode(state)), null);
    }

    private static String bodyWithState(String code, String state) {
        ObjectNode body = provisionBody(code);
        ((ObjectNode) body.path("providerData")).put("state", state);
        return body.toString();
    }

    private static ObjectNode provisionBody(String code) {
        try {
            return (ObjectNode) TestResponse.JSON.readTree(ApiServer.provisionBody(code, "PKCE instance", List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String lastVerifier() {
        List<AuthorizationCode> seen = server.provider.seenCodes();
        return seen.get(seen.size() - 1).codeVerifier();
    }

    @Test
    void theStateFromTheCallbackProvisionsOnce() {
        TestResponse url = loginUrl(null);
        assertThat(url.status()).isEqualTo(200);
        Map<String, String> login = query(URI.create(url.json().path("oauthUrl").asText()));
        assertThat(login).containsEntry("code_challenge_method", "S256").containsKey("code_challenge");
        String state = login.get("state");

        TestResponse created = server.postJson(ApiServer.INSTANCES, server.auth(),
                bodyWithState(server.acceptedCode(), state));
        assertThat(created.status()).isEqualTo(200);
        assertThat(url.body() + created.body()).doesNotContain(lastVerifier());

        TestResponse again = server.postJson(ApiServer.INSTANCES, server.auth(),
                bodyWithState(server.acceptedCode(), state));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.message()).isEqualTo("No login is under way for element scripted with this"
                + " providerData.state: it was used already, expired after 10 minutes, or was not issued by this"
                + " platform's oauth/url");
    }

    @Test
    void theVerifierIsInNoLogLine() {
        List<String> lines;
        try (LogCapture capture = new LogCapture()) {
            loginUrl("logged-login");
            String code = server.acceptedCode();
            server.provider.failNext(ProviderErrorClass.TRANSIENT, "Down");
            assertThat(server.postJson(ApiServer.INSTANCES, server.auth(), bodyWithState(code, "logged-login"))
                    .status()).isEqualTo(502);
            assertThat(server.postJson(ApiServer.INSTANCES, server.auth(), bodyWithState(code, "logged-login"))
                    .status()).isEqualTo(200);
            lines = capture.lines();
        }

        assertThat(lines).as("the capture works").anyMatch(line -> line.contains("Provisioned instance"));
        String verifier = lastVerifier();
        assertThat(lines).noneMatch(line -> line.contains(verifier));
    }

    @Test
    void aCodeWithoutItsStateIsRefusedNamingTheField() {
        loginUrl("login-1");

        TestResponse created = server.postJson(ApiServer.INSTANCES, server.auth(),
                ApiServer.provisionBody(server.acceptedCode(), "no state", List.of()));

        assertThat(created.status()).isEqualTo(400);
        assertThat(created.message()).isEqualTo("Missing required field: providerData.state (element scripted uses"
                + " PKCE: pass back the state the provider's callback carried)");
        assertThat(server.provider.exchanges()).isZero();
    }

    @Test
    void aStateOfAnotherTypeIsRefusedByName() {
        ObjectNode body = provisionBody(server.acceptedCode());
        ((ObjectNode) body.path("providerData")).put("state", 5);

        TestResponse created = server.postJson(ApiServer.INSTANCES, server.auth(), body.toString());

        assertThat(created.status()).isEqualTo(400);
        assertThat(created.message()).contains("providerData.state");
    }

    @Test
    void loginsBeyondTheLimitGet429() {
        for (int i = 0; i < LIMIT; i++) {
            assertThat(loginUrl("login-" + i).status()).isEqualTo(200);
        }

        TestResponse refused = loginUrl("one-too-many");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.message()).isEqualTo("Too many logins are under way for elements that use PKCE; each is"
                + " kept 10 minutes at most, retry later");
    }

    @Test
    void reauthorizationPassesTheStateOfTheNewLogin() {
        loginUrl("first");
        long id = server.postJson(ApiServer.INSTANCES, server.auth(), bodyWithState(server.acceptedCode(), "first"))
                .json().path("id").asLong();
        Map<String, String> second = query(URI.create(loginUrl("second").json().path("oauthUrl").asText()));

        TestResponse withoutState = server.patch(ApiServer.INSTANCES + "/" + id, server.auth(),
                "{\"providerData\": {\"code\": \"" + server.acceptedCode() + "\"}}");
        assertThat(withoutState.status()).isEqualTo(400);
        assertThat(withoutState.message()).contains("providerData.state");

        TestResponse patched = server.patch(ApiServer.INSTANCES + "/" + id, server.auth(),
                "{\"providerData\": {\"code\": \"" + server.acceptedCode() + "\", \"state\": \"second\"}}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(second.get("code_challenge")).isNotBlank();
        assertThat(server.provider.seenCodes()).hasSize(2);
    }
}
