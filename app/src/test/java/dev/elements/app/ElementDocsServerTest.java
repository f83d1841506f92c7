package dev.elements.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every element the built server ships describes itself: {@code GET /elements/{key}/docs} is an
 * OpenAPI document a real parser loads without a message, with a path per resource and the
 * element's objects as schemas, and {@code GET /elements/{key}/metadata} lists the same resources.
 */
class ElementDocsServerTest {
    private static final String ORGANIZATION_SECRET = "docs-organization-secret-5b7d9f1a3c7e9b1d";
    private static final String USER_SECRET = "docs-user-secret-2e4a6c8e0b2d4f6a8c0e2b4d";

    @TempDir
    Path data;
    private ElementsServer server;
    private TestHttpClient platform;

    @BeforeEach
    void start() {
        Map<String, String> settings = TestServers.settings(data, ORGANIZATION_SECRET, USER_SECRET);
        server = TestServers.start(settings, new PrintStream(PrintStream.nullOutputStream()));
        platform = ElementsApi.asUser(server.port(), USER_SECRET, ORGANIZATION_SECRET);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({"facebooksocial, social", "twitter, social", "github, developer", "linkedin, social"})
    void eachElementsDocsLoadInAnOpenApiParserWithAPathPerResourceAndItsObjects(String key, String hub) {
        TestResponse element = platform.get("/elements/" + key);
        TestResponse docs = platform.get("/elements/" + key + "/docs");
        TestResponse metadata = platform.get("/elements/" + key + "/metadata");
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        assertThat(metadata.status()).as(metadata.toString()).isEqualTo(200);

        SwaggerParseResult result = new OpenAPIV3Parser().readContents(docs.body());
        assertThat(result.getMessages()).as("the parser's messages").isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(element.json().path("hub").asText()).isEqualTo(hub);
        List<String> resourcePaths = new ArrayList<>();
        for (JsonNode resource : element.json().path("resources")) {
            String path = resource.path("path").asText();
            resourcePaths.add(path);
            assertThat(api.getPaths()).as("a path per resource").containsKey(path);
            assertThat(api.getPaths().get(path).readOperationsMap().keySet())
                    .extracting(method -> method.name())
                    .contains(resource.path("method").asText());
        }
        assertThat(api.getPaths().keySet()).allMatch(resourcePaths::contains);
        assertThat(metadata.json().path("resources")).extracting(resource -> resource.path("path").asText())
                .containsExactlyElementsOf(resourcePaths);
        assertThat(api.getComponents().getSchemas()).as("the element's objects")
                .isNotEmpty().containsKey("user");
        assertThat(api.getComponents().getSecuritySchemes()).hasSize(1);
    }
}
