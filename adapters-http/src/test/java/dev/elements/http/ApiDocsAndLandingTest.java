package dev.elements.http;

import static dev.elements.http.ApiServer.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.TestResponse;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Swagger UI at {@code /docs/} from the webjar, and the landing page at {@code /} and the base path. */
class ApiDocsAndLandingTest {
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private ApiServer server;

    @BeforeEach
    void start() {
        server = ApiServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void swaggerUiLoadsTheDocumentFromThisServerWithItsOwnFiles() {
        TestResponse page = server.get(BASE + "/docs/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"en\">", BASE + "/docs/swagger-ui-bundle.js",
                BASE + "/docs/swagger-ui.css", BASE + "/docs/swagger-initializer.js");
        assertThat(page.body()).as("nothing is loaded from elsewhere").doesNotContain("http:", "https:", "//cdn");
        assertThat(server.get(BASE + "/docs", null).body()).isEqualTo(page.body());

        TestResponse bundle = server.get(BASE + "/docs/swagger-ui-bundle.js", null);
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.header("Content-Type")).startsWith("text/javascript");
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        TestResponse css = server.get(BASE + "/docs/swagger-ui.css", null);
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");

        TestResponse initializer = server.get(BASE + "/docs/swagger-initializer.js", null);
        assertThat(initializer.status()).isEqualTo(200);
        assertThat(initializer.body()).contains("url: \"" + BASE + "/openapi.json\"", "validatorUrl: null");
    }

    @Test
    void servesOnlyTheFilesThePageUses() {
        for (String file : new String[] {"swagger-ui.js.map", "..%2Fpom.properties", "index.html", "nope.js"}) {
            TestResponse response = server.get(BASE + "/docs/" + file, null);
            assertThat(response.status()).as(file).isEqualTo(404);
            assertThat(response.requestId()).as(file).isNotBlank();
        }
    }

    @Test
    void aBrowserGetsALandingPageThatLoadsNothingFromElsewhere() {
        for (String path : new String[] {"/", BASE, BASE + "/"}) {
            TestResponse page = server.send(HttpRequest.newBuilder(server.uri(path)).header("Accept", BROWSER_ACCEPT)
                    .GET().build());
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(page.header("Content-Security-Policy")).as(path).startsWith("default-src 'none'");
            assertThat(page.header("Vary")).as(path).contains("Accept");
            assertThat(page.body()).as(path).contains("<html lang=\"en\">", "<title>Elements ",
                    "href=\"" + BASE + "/docs/\"", "href=\"" + BASE + "/openapi.json\"", "href=\"/health\"",
                    "POST " + BASE + "/connect/sessions", "Version " + ServerVersion.current());
            assertThat(page.body()).as(path).doesNotContain("http:", "https:", "<script", "<img");
        }
    }

    @Test
    void anApiClientGetsTheNameVersionAndLinks() {
        for (String path : new String[] {"/", BASE}) {
            TestResponse answer = server.send(HttpRequest.newBuilder(server.uri(path))
                    .header("Accept", "application/json").GET().build());
            assertThat(answer.status()).as(path).isEqualTo(200);
            ApiServer.assertJsonContentType(answer);
            JsonNode json = answer.json();
            assertThat(json.path("name").asText()).isEqualTo("Elements");
            assertThat(json.path("version").asText()).isEqualTo(ServerVersion.current());
            assertThat(json.at("/links/docs").asText()).isEqualTo(BASE + "/docs/");
            assertThat(json.at("/links/openapi").asText()).isEqualTo(BASE + "/openapi.json");
            assertThat(json.at("/links/health").asText()).isEqualTo("/health");
            assertThat(json.at("/links/connect").asText()).isEqualTo(BASE + "/connect/sessions");
        }
        // curl sends */*: JSON too.
        assertThat(server.get("/", null).json().path("name").asText()).isEqualTo("Elements");
    }

    @Test
    void theLandingIsNotTakenForAHubCallWhateverTheCredentials() {
        TestResponse answer = server.get(BASE, "Element some-token");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("name").asText()).isEqualTo("Elements");
        TestResponse head = server.send(HttpRequest.newBuilder(server.uri("/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.status()).isEqualTo(200);
    }

    @Test
    void theVersionIsTheBuildsOwn() {
        assertThat(ServerVersion.current()).isNotBlank().doesNotContain("${").isNotEqualTo("unknown");
    }
}
