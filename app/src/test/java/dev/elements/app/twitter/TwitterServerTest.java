package dev.elements.app.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.app.ElementsApi;
import dev.elements.app.ElementsServer;
import dev.elements.app.TestServers;
import dev.elements.core.fake.oauth2.FakeOAuth2Client;
import dev.elements.core.spi.FormEncoding;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import dev.elements.twitter.fake.FakeX;
import dev.elements.twitter.fake.FakeXUser;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The twitter element over real HTTP, in the built server, against the fake X. */
class TwitterServerTest {
    private static final String CALLBACK = "https://app.example/x-callback";
    private static final String ORGANIZATION_SECRET = "x-organization-secret-7c1e9a3b5d";
    private static final String USER_SECRET = "x-user-secret-2b4d6f8a0c1e3a5c7e";

    @TempDir
    Path data;

    private final FakeX x = FakeX.start();
    private final FakeOAuth2Client app = x.registerApp("x-client-id", "x-client-secret-94be21", CALLBACK);
    private final FakeXUser ada = x.createUser("Ada Lovelace");
    private ElementsServer server;
    private TestHttpClient platform;

    @BeforeEach
    void start() {
        server = TestServers.start(TestServers.withX(TestServers.settings(data, ORGANIZATION_SECRET, USER_SECRET), x),
                new PrintStream(PrintStream.nullOutputStream()));
        platform = ElementsApi.asUser(server.port(), USER_SECRET, ORGANIZATION_SECRET);
    }

    @AfterEach
    void stop() {
        server.close();
        x.close();
    }

    @Test
    void theElementIsListedAndItsAuthorizationUrlCarriesAChallengeButNoVerifier() {
        List<String> keys = new ArrayList<>();
        platform.get("/elements").json().forEach(element -> keys.add(element.path("key").asText()));
        assertThat(keys).contains("twitter", "facebooksocial");
        TestResponse url = platform.get("/elements/twitter/oauth/url?apiKey=" + app.id() + "&callbackUrl="
                + ElementsApi.encode(CALLBACK) + "&state=journey-state");
        assertThat(url.status()).as(url.toString()).isEqualTo(200);
        Map<String, String> query = FormEncoding.decode(URI.create(url.json().path("oauthUrl").asText()).getRawQuery());
        assertThat(query).containsKey("code_challenge").containsEntry("code_challenge_method", "S256")
                .containsEntry("state", "journey-state").doesNotContainKey("code_verifier");
        assertThat(query.get("scope")).contains("offline.access");
    }

    @Test
    void anInstanceIsProvisionedWithCodeAndStateAndAnswersHubCalls() {
        String code = ElementsApi.xCode(platform, app, CALLBACK, "provision-state");
        TestResponse created = platform.postJson("/instances",
                ElementsApi.xInstance(app, CALLBACK, code, "provision-state", "Ada's X"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().path("status").asText()).isEqualTo("ACTIVE");
        TestHttpClient hub = ElementsApi.at(server.port(), "Element " + created.json().path("token").asText());

        assertThat(hub.get("/hubs/social/user/me").json().path("id").asText()).isEqualTo(ada.id());
        TestResponse posted = hub.postJson("/hubs/social/status", "{\"text\":\"Hello from Elements\"}");
        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        String id = posted.json().path("id").asText();
        for (int i = 0; i < 4; i++) {
            x.postTweet(ada, "More " + i);
        }
        TestResponse page = hub.get("/hubs/social/user/me/status?pageSize=2");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json()).hasSize(2);
        String next = page.header("Elements-Next-Page-Token");
        assertThat(next).isNotBlank();
        List<String> ids = new ArrayList<>();
        page.json().forEach(item -> ids.add(item.path("id").asText()));
        TestResponse rest = hub.get("/hubs/social/user/me/status?pageSize=2&nextPage=" + ElementsApi.encode(next));
        rest.json().forEach(item -> ids.add(item.path("id").asText()));
        assertThat(ids).doesNotHaveDuplicates().hasSize(4);
        assertThat(hub.get("/hubs/social/user/me/status?pageSize=2&page=3").json().get(0).path("id").asText())
                .as("page numbers keep their meaning though X takes no page under 10").isEqualTo(id);

        TestResponse missing = hub.get("/hubs/social/status/123456789");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
        assertThat(hub.get("/hubs/social/status/not-an-id").status()).isEqualTo(400);
        assertThat(hub.delete("/hubs/social/status/" + id).json().path("deleted").asBoolean()).isTrue();
    }

    @Test
    void aStateWithoutItsVerifierIsRefused() {
        String code = ElementsApi.xCode(platform, app, CALLBACK, "one-state");
        TestResponse refused = platform.postJson("/instances",
                ElementsApi.xInstance(app, CALLBACK, code, "another-state", "Ada's X"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(x.codeExchanges()).isZero();
    }
}
