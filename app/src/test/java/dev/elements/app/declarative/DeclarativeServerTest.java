package dev.elements.app.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.app.ElementsApi;
import dev.elements.app.ElementsServer;
import dev.elements.app.TestServers;
import dev.elements.core.fake.oauth2.ClientAuthentication;
import dev.elements.core.fake.oauth2.FakeJson;
import dev.elements.core.fake.oauth2.FakeOAuth2Client;
import dev.elements.core.fake.oauth2.FakeOAuth2Options;
import dev.elements.core.fake.oauth2.FakeOAuth2Provider;
import dev.elements.core.fake.oauth2.FakeOAuth2User;
import dev.elements.core.fake.oauth2.FakeResponse;
import dev.elements.core.fake.oauth2.RefreshTokens;
import dev.elements.declarative.fake.FakeGitHub;
import dev.elements.declarative.fake.FakeLinkedIn;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Elements declared as data, in the built server over real HTTP: one from the operator's
 * {@code ELEMENTS_ELEMENTS_DIR} against the generic fake provider (PKCE, Basic authentication,
 * rotating refresh tokens, cursor paging) and the shipped github and linkedin against their fakes,
 * each provisioned, called and renewed as an application would.
 */
class DeclarativeServerTest {
    private static final String CALLBACK = "https://app.example/acme-callback";
    private static final String ORGANIZATION_SECRET = "declarative-organization-secret-3e5a7c9b";
    private static final String USER_SECRET = "declarative-user-secret-8d0f2b4c6e8a0c";

    @TempDir
    Path data;
    @TempDir
    Path elements;

    private final FakeOAuth2Provider acme = FakeOAuth2Provider.start(FakeOAuth2Options.defaults()
            .withPkceRequired(true)
            .withClientAuthentications(ClientAuthentication.CLIENT_SECRET_BASIC)
            .withRefreshTokens(RefreshTokens.ROTATING)
            .withAccessTokenLifetime(Duration.ofHours(2)));
    private final FakeOAuth2Client acmeApp = acme.registerClient("acme-client", "acme-client-secret-61c0", CALLBACK);
    private final FakeOAuth2User ada = acme.createUser("Ada");
    private final List<String> notes = List.of("one", "two", "three", "four", "five");
    private final FakeGitHub github = FakeGitHub.startAsGitHubApp();
    private final FakeLinkedIn linkedin = FakeLinkedIn.start();
    private ElementsServer server;
    private TestHttpClient platform;

    @BeforeEach
    void start() throws IOException {
        acme.loginAs(ada);
        acme.route("GET", "/api/me", request -> FakeResponse.json(200, FakeJson.object().put("id", request.user().id())));
        acme.route("GET", "/api/notes", request -> {
            int from = Integer.parseInt(request.request().query().getOrDefault("cursor", "0"));
            int limit = Integer.parseInt(request.request().query().get("limit"));
            List<FakeJson> page = new ArrayList<>();
            for (int i = from; i < Math.min(notes.size(), from + limit); i++) {
                page.add(FakeJson.object().put("text", notes.get(i)));
            }
            FakeJson meta = FakeJson.object();
            if (from + limit < notes.size()) {
                meta.put("next_cursor", Integer.toString(from + limit));
            }
            return FakeResponse.json(200, FakeJson.object().putObjects("data", page).put("meta", meta));
        });
        Files.writeString(elements.resolve("acme.json"), acmeDocument());
        Map<String, String> settings = TestServers.settings(data, ORGANIZATION_SECRET, USER_SECRET);
        settings.put("ELEMENTS_ELEMENTS_DIR", elements.toString());
        overrides(settings, "github", github.endpoints());
        overrides(settings, "linkedin", linkedin.endpoints());
        server = TestServers.start(settings, new PrintStream(PrintStream.nullOutputStream()));
        platform = ElementsApi.asUser(server.port(), USER_SECRET, ORGANIZATION_SECRET);
    }

    @AfterEach
    void stop() {
        server.close();
        acme.close();
        github.close();
        linkedin.close();
    }

    /** The operator's settings that point an element's endpoints at a fake, as {@code ELEMENTS_<ELEMENT>_<KEY>}. */
    private static void overrides(Map<String, String> settings, String element, Map<String, String> endpoints) {
        endpoints.forEach((key, value) -> settings.put(("ELEMENTS_" + element + "_" + key).toUpperCase()
                .replace('.', '_'), value));
    }

    /** Provisions an instance of {@code element} with a callback's code; answers the instance as created. */
    private JsonNode provision(String element, Map<String, Object> providerData, String clientId, String secret,
            String callback) {
        TestResponse created = platform.postJson("/instances", ElementsApi.json(Map.of(
                "element", Map.of("key", element), "providerData", providerData,
                "configuration", Map.of("oauth.api.key", clientId, "oauth.api.secret", secret,
                        "oauth.callback.url", callback))));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().path("status").asText()).isEqualTo("ACTIVE");
        return created.json();
    }

    /** The README's kind of document, pointed at the fake provider. */
    private String acmeDocument() {
        return """
                {
                  "key": "acme",
                  "id": 9001,
                  "name": "Acme",
                  "description": "Acme's notes",
                  "image": "https://acme.example/logo.png",
                  "signupUrl": "https://acme.example/developers",
                  "oauth2": {
                    "authorizationUrl": "%s",
                    "tokenUrl": "%s",
                    "baseUrl": "%s/api",
                    "defaultScope": "notes.read",
                    "pkce": true,
                    "clientAuthentication": "client_secret_basic",
                    "userId": {"path": "/me", "pointer": "/id"}
                  },
                  "hub": {
                    "name": "general",
                    "paging": {"style": "cursor", "limitParameter": "limit", "cursorParameter": "cursor",
                               "nextCursorPointer": "/meta/next_cursor"},
                    "itemsPointer": "/data"
                  },
                  "resources": [
                    {"path": "notes", "method": "GET", "vendorPath": "/notes", "answer": "list",
                     "description": "The user's notes"}
                  ]
                }
                """.formatted(acme.authorizationUrl(), acme.tokenUrl(), acme.baseUrl());
    }

    @Test
    void theOperatorsAndTheShippedDocumentsAreListedBesideThePlugins() {
        List<String> keys = new ArrayList<>();
        platform.get("/elements").json().forEach(element -> keys.add(element.path("key").asText()));

        assertThat(keys).contains("acme", "github", "linkedin", "twitter", "facebooksocial");
        JsonNode acmeElement = platform.get("/elements/acme").json();
        assertThat(acmeElement.path("hub").asText()).isEqualTo("general");
        assertThat(acmeElement.path("resources").get(0).path("path").asText()).isEqualTo("/hubs/general/notes");
    }

    @Test
    void aDirectoryElementProvisionsPagesAndRenewsWithARotatingRefreshToken() {
        String code = ElementsApi.oauthCode(platform, "acme", acmeApp.id(), CALLBACK, "acme-login");
        JsonNode instance = provision("acme", Map.of("code", code, "state", "acme-login"), acmeApp.id(),
                acmeApp.secret(), CALLBACK);
        long id = instance.path("id").asLong();
        TestHttpClient hub = hub(instance);

        assertThat(texts(hub, "/hubs/general/notes?pageSize=2")).containsExactly("one", "two");
        List<String> all = new ArrayList<>();
        String next = null;
        do {
            TestResponse page = hub.get("/hubs/general/notes?pageSize=2"
                    + (next == null ? "" : "&nextPage=" + ElementsApi.encode(next)));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().forEach(note -> all.add(note.path("text").asText()));
            next = page.header("Elements-Next-Page-Token");
        } while (next != null && !next.isEmpty());
        assertThat(all).containsExactlyElementsOf(notes);

        String refreshBefore = acme.latestRefreshTokenOf(ada).orElseThrow();
        TestResponse renewed = platform.postJson("/instances/" + id + "/refresh", "{}");
        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
        assertThat(acme.refreshes()).isEqualTo(1);
        assertThat(acme.latestRefreshTokenOf(ada)).isPresent().get().isNotEqualTo(refreshBefore);
        assertThat(texts(hub, "/hubs/general/notes?pageSize=5")).containsExactlyElementsOf(notes);
        String current = acme.latestAccessTokenOf(ada).orElseThrow();
        assertThat(acme.requests().get(acme.requests().size() - 1).header("Authorization"))
                .contains("Bearer " + current);
    }

    @Test
    void theShippedGithubElementProvisionsPagesThroughLinkHeadersAndRenews() {
        FakeOAuth2User octocat = github.createUser("octocat");
        github.seedRepos(octocat, 3);
        JsonNode instance = provision("github", Map.of("code", github.issueCode(octocat, null)), github.app().id(),
                github.app().secret(), FakeGitHub.CALLBACK);
        TestHttpClient hub = hub(instance);

        TestResponse first = hub.get("/hubs/developer/user/me/repos?pageSize=2");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json()).hasSize(2);
        String next = first.header("Elements-Next-Page-Token");
        assertThat(next).as("a second page is announced").isNotBlank();
        TestResponse second = hub.get("/hubs/developer/user/me/repos?pageSize=2&nextPage=" + ElementsApi.encode(next));
        assertThat(second.json()).hasSize(1);
        assertThat(second.json().get(0).path("name").asText()).isEqualTo("repo-3");

        TestResponse renewed = platform.postJson("/instances/" + instance.path("id").asLong() + "/refresh", "{}");
        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
        assertThat(github.provider().refreshes()).isEqualTo(1);
        assertThat(hub.get("/hubs/developer/user/me").json().path("login").asText()).isEqualTo("octocat");
    }

    @Test
    void theShippedLinkedinElementProvisionsPagesByOffsetPostsAndRenews() {
        FakeOAuth2User member = linkedin.createUser("Grace Hopper");
        linkedin.seedOrganizations(member, 3);
        JsonNode instance = provision("linkedin", Map.of("code", linkedin.issueCode(member, null)),
                linkedin.app().id(), linkedin.app().secret(), FakeLinkedIn.CALLBACK);
        TestHttpClient hub = hub(instance);

        TestResponse first = hub.get("/hubs/social/organizations?pageSize=2");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json()).hasSize(2);
        TestResponse rest = hub.get("/hubs/social/organizations?pageSize=2&nextPage="
                + ElementsApi.encode(first.header("Elements-Next-Page-Token")));
        assertThat(rest.json()).hasSize(1);
        assertThat(hub.get("/hubs/social/user/me").json().path("sub").asText())
                .isEqualTo(FakeLinkedIn.member(member));

        TestResponse renewed = platform.postJson("/instances/" + instance.path("id").asLong() + "/refresh", "{}");
        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
        assertThat(linkedin.provider().refreshes()).isEqualTo(1);
        assertThat(hub.get("/hubs/social/user/me").status()).isEqualTo(200);
    }

    /** A client of the hub with the instance's element token. */
    private TestHttpClient hub(JsonNode instance) {
        return ElementsApi.at(server.port(), "Element " + instance.path("token").asText());
    }

    private static List<String> texts(TestHttpClient hub, String path) {
        TestResponse page = hub.get(path);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> texts = new ArrayList<>();
        page.json().forEach(note -> texts.add(note.path("text").asText()));
        return texts;
    }
}
