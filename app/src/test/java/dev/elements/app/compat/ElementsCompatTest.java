package dev.elements.app.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The element routes, with the members churros' element schema requires ({@code name, key,
 * description, authentication}) and the configuration and resource entries Cloud Elements showed.
 */
class ElementsCompatTest {
    @RegisterExtension
    final CompatServer server = new CompatServer();
    private final TestHttpClient platform = server.platform();

    @Test
    void everyElementHasTheMembersCloudElementsClientsRead() {
        TestResponse elements = platform.get("/elements");

        assertThat(elements.status()).isEqualTo(200);
        assertThat(elements.json()).isNotEmpty().allSatisfy(element -> {
            assertThat(SeedTest.names(element)).contains("id", "name", "key", "description", "image", "active",
                    "deleted", "typeOauth", "trialAccount", "configDescription", "signupURL",
                    "transformationsEnabled", "authentication", "hub", "parameters", "configuration", "resources");
            assertThat(element.path("authentication").path("type").asText()).isNotBlank();
            assertThat(element.path("configuration")).allSatisfy(entry -> assertThat(SeedTest.names(entry))
                    .contains("key", "name", "description", "type", "required", "hideFromConsole"));
            assertThat(element.path("resources")).allSatisfy(resource -> {
                assertThat(SeedTest.names(resource)).contains("path", "method", "vendorPath", "vendorMethod",
                        "description");
                assertThat(resource.path("path").asText()).startsWith("/hubs/" + element.path("hub").asText() + "/");
            });
        });
    }

    @Test
    void anElementIsFoundByKeyAndByNumericIdAlike() {
        JsonNode byKey = platform.get("/elements/facebooksocial").json();
        JsonNode byId = platform.get("/elements/48").json();

        assertThat(byId).isEqualTo(byKey);
        assertThat(platform.get("/elements/keys").json()).extracting(JsonNode::asText).contains("facebooksocial");
        assertThat(byKey.path("configuration")).anySatisfy(entry -> {
            assertThat(entry.path("key").asText()).isEqualTo("oauth.api.secret");
            assertThat(entry.path("type").asText()).isEqualTo("PASSWORD");
        });
    }

    @Test
    void theElementsMetadataAndDocsAnswer() {
        TestResponse metadata = platform.get("/elements/facebooksocial/metadata");
        TestResponse docs = platform.get("/elements/facebooksocial/docs");

        assertThat(metadata.status()).as(metadata.toString()).isEqualTo(200);
        assertThat(metadata.json().path("key").asText()).isEqualTo("facebooksocial");
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        assertThat(docs.json().path("openapi").asText()).startsWith("3.");
        assertThat(docs.json().path("paths").size()).isPositive();
    }

    @Test
    void anUnknownElementIsA404WithTheErrorBody() {
        TestResponse unknown = platform.get("/elements/nosuchelement");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(SeedTest.names(unknown.json())).contains("requestId", "message");
    }
}
