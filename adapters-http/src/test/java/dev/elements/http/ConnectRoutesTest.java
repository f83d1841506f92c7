package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.elements.testing.TestClock;
import dev.elements.testing.TestResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hosted connect flow over HTTP: the application's API, the page, and the rules of the login's state. */
class ConnectRoutesTest {
    private static final String SESSIONS = ApiServer.BASE + "/connect/sessions";
    private static final String REDIRECT = "https://app.example/connected?from=connect";
    private static final Pattern LOGIN_LINK = Pattern.compile("id=\"continue\" href=\"([^\"]+)\"");
    private static final Pattern RETURN_LINK = Pattern.compile("id=\"return\" href=\"([^\"]+)\"");

    private final TestClock clock = TestClock.atFixedStart();
    private final ApiServer server = ApiServer.start(builder -> builder.clock(clock));

    @AfterEach
    void stop() {
        server.close();
    }

    private static String sessionBody(String element, String redirectUrl) {
        ObjectNode body = TestResponse.JSON.createObjectNode();
        body.putObject("element").put("key", element);
        ObjectNode configuration = body.putObject("configuration");
        configuration.put("oauth.api.key", "app-id");
        configuration.put("oauth.api.secret", "app-secret-value");
        body.putArray("tags").add("connect");
        body.put("name", "Connected via page");
        body.put("redirectUrl", redirectUrl);
        return body.toString();
    }

    private JsonNode createSession() {
        TestResponse created = server.postJson(SESSIONS, server.auth(), sessionBody("scripted", REDIRECT));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json();
    }

    private static String path(String url) {
        return URI.create(url).getRawPath();
    }

    /** The provider's login the page links to. */
    private URI loginUrl(JsonNode session) {
        TestResponse page = server.get(path(session.path("url").asText()), null);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Matcher link = LOGIN_LINK.matcher(page.body());
        assertThat(link.find()).as(page.body()).isTrue();
        return URI.create(link.group(1).replace("&amp;", "&"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
        }
        return query;
    }

    private TestResponse callback(String query) {
        return server.get(ConnectRoutes.CALLBACK_PATH + "?" + query, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static URI returnLink(TestResponse page) {
        Matcher link = RETURN_LINK.matcher(page.body());
        assertThat(link.find()).as(page.body()).isTrue();
        return URI.create(link.group(1).replace("&amp;", "&"));
    }

    private JsonNode readSession(String id) {
        TestResponse read = server.get(SESSIONS + "/" + id, server.auth());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.json();
    }

    @Test
    void aSessionLeadsThroughTheProvidersLoginToAnInstanceAndBackToTheApplication() {
        JsonNode session = createSession();
        String id = session.path("id").asText();
        assertThat(id).hasSizeGreaterThanOrEqualTo(22).matches("[A-Za-z0-9_-]+");
        assertThat(session.path("url").asText()).isEqualTo("http://127.0.0.1:" + server.port + "/connect/" + id);
        assertThat(session.path("expiresAt").asText()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)).toString());

        TestResponse page = server.get("/connect/" + id, null);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.body()).contains("<html lang=\"en\">", "Scripted", "<code>read</code>",
                "Continue to Scripted").doesNotContain("app-secret-value", "<script");

        URI login = loginUrl(session);
        Map<String, String> loginQuery = query(login);
        assertThat(login.getHost()).isEqualTo("login.scripted.invalid");
        assertThat(loginQuery).containsEntry("client_id", "app-id")
                .containsEntry("redirect_uri", "http://127.0.0.1:" + server.port + "/connect/callback")
                .containsEntry("scope", "read");
        String state = loginQuery.get("state");
        assertThat(state).isNotEqualTo(id).hasSizeGreaterThanOrEqualTo(22);

        String code = server.acceptedCode();
        TestResponse back = callback("code=" + code + "&state=" + encode(state));
        assertThat(back.status()).as(back.body()).isEqualTo(303);
        URI location = URI.create(back.header("Location"));
        Map<String, String> returned = query(location);
        assertThat(location.toString()).startsWith(REDIRECT + "&");
        assertThat(returned).containsOnlyKeys("from", "connectSessionId", "instanceId")
                .containsEntry("connectSessionId", id);
        assertThat(server.provider.seenConfigurations().get(0).get("oauth.callback.url"))
                .contains("http://127.0.0.1:" + server.port + "/connect/callback");

        JsonNode connected = readSession(id);
        assertThat(connected.path("status").asText()).isEqualTo("CONNECTED");
        JsonNode instance = connected.path("instance");
        assertThat(instance.path("id").asText()).isEqualTo(returned.get("instanceId"));
        assertThat(instance.path("name").asText()).isEqualTo("Connected via page");
        assertThat(instance.path("tags")).extracting(JsonNode::asText).containsExactly("connect");
        assertThat(instance.path("configuration").path("oauth.api.secret").asText()).isEqualTo("********");
        String token = instance.path("token").asText();
        assertThat(token).isNotEqualTo("********").hasSizeGreaterThan(20);
        assertThat(server.get(ApiServer.INSTANCES, ApiServer.withToken(server.auth(), token)).json().path("id")
                .asText()).as("the token shown is the instance's").isEqualTo(returned.get("instanceId"));

        assertThat(readSession(id).path("instance").path("token").asText()).as("shown once").isEqualTo("********");
        assertThat(server.get(ApiServer.INSTANCES + "/" + returned.get("instanceId"), server.auth()).status())
                .isEqualTo(200);
        assertThat(server.get("/connect/" + id, null).body()).contains("is connected").doesNotContain("continue");
    }

    @Test
    void theOperatorsPublicUrlMakesThePageAndTheCallback() {
        try (ApiServer behindProxy = ApiServer.start(
                HttpApiSettings.defaults().withPublicUrl(URI.create("https://elements.example.com/base/")), clock)) {
            TestResponse created = behindProxy.postJson(SESSIONS, behindProxy.auth(), sessionBody("scripted", REDIRECT));
            String id = created.json().path("id").asText();
            assertThat(created.json().path("url").asText()).isEqualTo("https://elements.example.com/base/connect/" + id);

            TestResponse page = behindProxy.get("/connect/" + id, null);
            Matcher link = LOGIN_LINK.matcher(page.body());
            assertThat(link.find()).isTrue();
            assertThat(query(URI.create(link.group(1).replace("&amp;", "&"))))
                    .containsEntry("redirect_uri", "https://elements.example.com/base/connect/callback");
        }
    }

    @Test
    void creatingChecksWhatPostInstancesWouldSoThatTheUserNeverMeetsABrokenPage() {
        assertThat(server.postJson(SESSIONS, null, sessionBody("scripted", REDIRECT)).status()).isEqualTo(401);
        assertThat(server.postJson(SESSIONS, server.auth(), sessionBody("nosuchelement", REDIRECT)).status())
                .isEqualTo(400);
        TestResponse ftp = server.postJson(SESSIONS, server.auth(), sessionBody("scripted", "ftp://app.example/x"));
        assertThat(ftp.status()).isEqualTo(400);
        assertThat(ftp.message()).contains("redirectUrl");
        assertThat(server.postJson(SESSIONS, server.auth(), sessionBody("scripted", null)).status()).isEqualTo(400);

        ObjectNode withoutSecret = (ObjectNode) readTree(sessionBody("scripted", REDIRECT));
        ((ObjectNode) withoutSecret.path("configuration")).remove("oauth.api.secret");
        TestResponse missing = server.postJson(SESSIONS, server.auth(), withoutSecret.toString());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.message()).contains("oauth.api.secret");

        ObjectNode endpoint = (ObjectNode) readTree(sessionBody("scripted", REDIRECT));
        ((ObjectNode) endpoint.path("configuration")).put("oauth.token.url", "https://evil.example/token");
        assertThat(server.postJson(SESSIONS, server.auth(), endpoint.toString()).status()).isEqualTo(400);
    }

    @Test
    void aStateIsGoodOnceAndAReuseChangesNothing() {
        JsonNode session = createSession();
        String state = query(loginUrl(session)).get("state");
        assertThat(callback("code=" + server.acceptedCode() + "&state=" + encode(state)).status()).isEqualTo(303);

        TestResponse again = callback("code=" + server.acceptedCode() + "&state=" + encode(state));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.header("Content-Type")).startsWith("text/html");
        assertThat(again.body()).contains("no longer valid");
        assertThat(query(returnLink(again))).containsEntry("error", "invalid_state")
                .containsEntry("connectSessionId", session.path("id").asText());
        assertThat(ApiServer.idsOf(server.get(ApiServer.INSTANCES, server.auth()))).hasSize(1);
        assertThat(readSession(session.path("id").asText()).path("status").asText()).isEqualTo("CONNECTED");
    }

    @Test
    void anUnknownStateOrNoneLeadsNowhere() {
        JsonNode session = createSession();
        for (String query : List.of("code=abc&state=made-up", "code=abc", "code=abc&state=" + session.path("id").asText())) {
            TestResponse answer = callback(query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.body()).as(query).contains("no longer valid").doesNotContain("id=\"return\"",
                    "app.example");
        }
        assertThat(server.provider.exchanges()).isZero();
        assertThat(readSession(session.path("id").asText()).path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void aStateBelongsToItsSessionOnly() {
        JsonNode first = createSession();
        JsonNode second = createSession();
        String firstState = query(loginUrl(first)).get("state");
        assertThat(query(loginUrl(second)).get("state")).isNotEqualTo(firstState);

        TestResponse back = callback("code=" + server.acceptedCode() + "&state=" + encode(firstState));
        assertThat(query(URI.create(back.header("Location")))).containsEntry("connectSessionId",
                first.path("id").asText());
        assertThat(readSession(first.path("id").asText()).path("status").asText()).isEqualTo("CONNECTED");
        assertThat(readSession(second.path("id").asText()).path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void aDenialAtTheProviderFailsTheSessionAndTellsTheApplication() {
        JsonNode session = createSession();
        String id = session.path("id").asText();
        String state = query(loginUrl(session)).get("state");

        TestResponse denied = callback("error=access_denied&error_reason=user_denied"
                + "&error_description=Permissions+error&state=" + encode(state));
        assertThat(denied.status()).isEqualTo(200);
        assertThat(denied.body()).contains("not connected", "access was not granted", "http-equiv=\"refresh\"");
        Map<String, String> returned = query(returnLink(denied));
        assertThat(returned).containsEntry("error", "access_denied").containsEntry("connectSessionId", id)
                .containsKey("error_description").containsEntry("from", "connect");

        JsonNode failed = readSession(id);
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("error").asText()).isEqualTo("access_denied");
        assertThat(failed.has("instance")).isFalse();
        assertThat(callback("code=" + server.acceptedCode() + "&state=" + encode(state)).status()).isEqualTo(400);
        assertThat(server.provider.exchanges()).isZero();
    }

    @Test
    void afterFifteenMinutesTheSessionIsExpiredOnThePageOnReadAndAtTheCallback() {
        JsonNode session = createSession();
        String id = session.path("id").asText();
        String state = query(loginUrl(session)).get("state");
        clock.advance(Duration.ofMinutes(15));

        TestResponse page = server.get("/connect/" + id, null);
        assertThat(page.body()).contains("expired").doesNotContain("id=\"continue\"");
        JsonNode read = readSession(id);
        assertThat(read.path("status").asText()).isEqualTo("FAILED");
        assertThat(read.path("error").asText()).isEqualTo("expired_session");

        TestResponse late = callback("code=" + server.acceptedCode() + "&state=" + encode(state));
        assertThat(late.status()).isEqualTo(200);
        assertThat(query(returnLink(late))).containsEntry("error", "expired_session");
        assertThat(server.provider.exchanges()).isZero();
        assertThat(readSession(id).path("error").asText()).isEqualTo("expired_session");
    }

    @Test
    void aRefusedCodeFailsTheSessionWithoutAnInstance() {
        JsonNode session = createSession();
        String state = query(loginUrl(session)).get("state");

        TestResponse refused = callback("code=never-issued&state=" + encode(state));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(query(returnLink(refused))).containsEntry("error", "connection_failed");
        assertThat(readSession(session.path("id").asText()).path("status").asText()).isEqualTo("FAILED");
        assertThat(ApiServer.idsOf(server.get(ApiServer.INSTANCES, server.auth()))).isEmpty();
    }

    @Test
    void aSessionIsItsOrganizationsAndAnUnknownPageIsAPlainNotFound() {
        String id = createSession().path("id").asText();
        assertThat(server.get(SESSIONS + "/" + id, server.otherOrganization()).status()).isEqualTo(404);
        assertThat(server.get(SESSIONS + "/" + id, null).status()).isEqualTo(401);
        assertThat(server.get(SESSIONS + "/no-such-session", server.auth()).status()).isEqualTo(404);

        TestResponse unknown = server.get("/connect/no-such-session", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("text/html");
        assertThat(unknown.body()).contains("not valid");
    }

    @Test
    void anElementThatUsesPkceKeepsItsVerifierUnderTheSessionsState() {
        server.provider.usePkce(true);
        JsonNode session = createSession();
        Map<String, String> login = query(loginUrl(session));
        assertThat(login).containsKey("code_challenge").containsEntry("code_challenge_method", "S256");

        TestResponse back = callback("code=" + server.acceptedCode() + "&state=" + encode(login.get("state")));
        assertThat(back.status()).as(back.body()).isEqualTo(303);
        assertThat(server.provider.seenCodes().get(0).codeVerifier()).isNotBlank();
    }

    private static JsonNode readTree(String json) {
        try {
            return TestResponse.JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
