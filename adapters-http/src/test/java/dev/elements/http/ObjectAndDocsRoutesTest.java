package dev.elements.http;

import static dev.elements.http.ApiServer.BASE;
import static dev.elements.http.ApiServer.INSTANCES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.core.testing.ScriptedElementProvider;
import dev.elements.testing.TestResponse;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an element tells about itself over HTTP: its objects and their fields by the Element token
 * ({@code /objects}, hub-less and under {@code /hubs/{hub}}), its metadata, and the OpenAPI document
 * of its resources by element and by instance, loaded by a real OpenAPI parser.
 */
class ObjectAndDocsRoutesTest {
    private ApiServer server;
    private JsonNode instance;

    @BeforeEach
    void start() {
        server = ApiServer.start();
        instance = server.provision(server.auth(), "Docs", List.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String token() {
        return instance.path("token").asText();
    }

    /** User, Organization and Element, as Cloud Elements' discovery APIs require them. */
    private String withToken() {
        return ApiServer.withToken(server.auth(), token());
    }

    @Test
    void objectsAreListedForTheElementTokensInstanceUnderAnyHubAndWithout() {
        int hubCalls = server.provider.hubCalls();
        for (String path : List.of(BASE + "/objects", BASE + "/hubs/testing/objects", BASE + "/hubs/any/objects")) {
            TestResponse objects = server.get(path, withToken());

            assertThat(objects.status()).as(path + ": " + objects.body()).isEqualTo(200);
            ApiServer.assertJsonContentType(objects);
            assertThat(objects.json()).extracting(JsonNode::asText).containsExactly(ScriptedElementProvider.ITEM);
        }
        assertThat(server.provider.hubCalls()).as("the provider is not asked").isEqualTo(hubCalls);
    }

    @Test
    void anObjectsMetadataListsItsFieldsAsCloudElementsShapedThem() {
        for (String path : List.of(BASE + "/objects/item/metadata", BASE + "/hubs/testing/objects/item/metadata")) {
            TestResponse metadata = server.get(path, withToken());

            assertThat(metadata.status()).as(metadata.body()).isEqualTo(200);
            JsonNode fields = metadata.json().path("fields");
            assertThat(fields).extracting(field -> field.path("vendorPath").asText())
                    .containsExactly("id", "message", "created");
            assertThat(fields.get(0).path("type").asText()).isEqualTo("string");
            assertThat(fields.get(0).path("vendorReadOnly").asBoolean()).isTrue();
            assertThat(fields.get(1).path("vendorReadOnly").asBoolean()).isFalse();
            assertThat(fields.get(1).path("createable").asBoolean()).isTrue();
            assertThat(fields.get(2).path("type").asText()).isEqualTo("date");
            assertThat(fields.get(2).path("format").asText()).isEqualTo("date-time");
            assertThat(fields.get(0).has("format")).as("only where there is one").isFalse();
        }
    }

    @Test
    void anUnknownObjectIsA404NamingIt() {
        TestResponse unknown = server.get(BASE + "/objects/invoices/metadata", withToken());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.message()).contains("'invoices'", ScriptedElementProvider.KEY);
        assertThat(unknown.json().path("requestId").asText()).isEqualTo(unknown.requestId());
    }

    @Test
    void objectsNeedTheCallerAndAnElementTokenOfItsOrganization() {
        assertThat(server.get(BASE + "/objects", null).status()).isEqualTo(401);
        assertThat(server.get(BASE + "/objects", "Element " + token()).status()).as("no User").isEqualTo(401);
        assertThat(server.get(BASE + "/objects", server.auth()).status()).as("no Element token").isEqualTo(401);
        assertThat(server.get(BASE + "/hubs/testing/objects", ApiServer.withToken(server.auth(), "not-a-token"))
                .status()).as("a wrong token").isEqualTo(401);
        assertThat(server.get(BASE + "/objects/item/metadata",
                ApiServer.withToken(server.otherOrganization(), token())).status()).as("another organization's")
                .isEqualTo(404);
    }

    @Test
    void elementMetadataListsResourcesWithTheirVerbsAndPaging() {
        TestResponse metadata = server.get(BASE + "/elements/" + ScriptedElementProvider.KEY + "/metadata",
                server.auth());

        assertThat(metadata.status()).as(metadata.body()).isEqualTo(200);
        JsonNode body = metadata.json();
        // churros' element.metadata.schema.json requires these.
        assertThat(body.path("id").asLong()).isEqualTo(ScriptedElementProvider.ID);
        assertThat(body.path("key").asText()).isEqualTo(ScriptedElementProvider.KEY);
        assertThat(body.path("name").isTextual()).isTrue();
        assertThat(body.path("description").isTextual()).isTrue();
        assertThat(body.path("events").path("supported").isBoolean()).isTrue();
        assertThat(body.path("events").path("methods").isArray()).isTrue();
        JsonNode items = find(body.path("resources"), "/hubs/testing/items", "GET");
        assertThat(items.path("paginated").asBoolean()).isTrue();
        assertThat(items.path("pagingParameters")).extracting(JsonNode::asText).contains("pageSize", "nextPage");
        assertThat(find(body.path("resources"), "/hubs/testing/items", "POST").path("paginated").asBoolean())
                .isFalse();
        assertThat(server.get(BASE + "/elements/" + ScriptedElementProvider.ID + "/metadata", server.auth()).json())
                .as("by id as by key").isEqualTo(body);
        assertThat(server.get(BASE + "/elements/nope/metadata", server.auth()).status()).isEqualTo(404);
        assertThat(server.get(BASE + "/elements/scripted/metadata", null).status()).isEqualTo(401);
    }

    @Test
    void theDocsOfAnElementAreAValidOpenApiDocumentOfItsResources() {
        TestResponse docs = server.get(BASE + "/elements/" + ScriptedElementProvider.KEY + "/docs", server.auth());

        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        OpenAPI api = parsed(docs.body());
        assertThat(api.getPaths()).containsKeys("/hubs/testing/me", "/hubs/testing/items", "/hubs/testing/items/{id}",
                "/hubs/testing/items/{id}/notes", "/hubs/testing/items/special");
        assertThat(api.getPaths().get("/hubs/testing/items").getGet().getParameters())
                .extracting(parameter -> parameter.getName()).contains("pageSize", "nextPage");
        assertThat(api.getPaths().get("/hubs/testing/items").getGet().getResponses().get("200").getHeaders())
                .containsKey(HubRoutes.NEXT_PAGE_TOKEN);
        assertThat(api.getPaths().get("/hubs/testing/items").getPost()).isNotNull();
        assertThat(api.getPaths().get("/hubs/testing/items/{id}").getGet().getParameters())
                .extracting(parameter -> parameter.getIn() + " " + parameter.getName()).containsExactly("path id");
        assertThat(api.getComponents().getSchemas()).containsKey(ScriptedElementProvider.ITEM);
        assertThat(api.getComponents().getSecuritySchemes().values())
                .extracting(scheme -> scheme.getName()).containsExactly("Authorization");
        assertThat(api.getServers()).extracting(server -> server.getUrl()).containsExactly(BASE);
    }

    @Test
    void theDocsOfAnInstanceAreThoseOfItsElementByIdAndByToken() {
        JsonNode byElement = server.get(BASE + "/elements/scripted/docs", server.auth()).json();

        TestResponse byId = server.get(INSTANCES + "/" + instance.path("id").asLong() + "/docs", server.auth());
        TestResponse byToken = server.get(INSTANCES + "/docs", ApiServer.withToken(server.auth(), token()));

        assertThat(byId.status()).as(byId.body()).isEqualTo(200);
        assertThat(byId.json()).isEqualTo(byElement);
        assertThat(byToken.status()).as(byToken.body()).isEqualTo(200);
        assertThat(byToken.json()).isEqualTo(byId.json());
        assertThat(server.get(INSTANCES + "/" + instance.path("id").asLong() + "/docs", server.otherOrganization())
                .status()).as("another organization's instance").isEqualTo(404);
        assertThat(server.get(INSTANCES + "/99999/docs", server.auth()).status()).isEqualTo(404);
    }

    private static JsonNode find(JsonNode resources, String path, String method) {
        for (JsonNode resource : resources) {
            if (resource.path("path").asText().equals(path) && resource.path("method").asText().equals(method)) {
                return resource;
            }
        }
        throw new AssertionError("No " + method + " " + path + " in " + resources);
    }

    /** The document as a generator reads it; any message of the parser is a fault of the document. */
    static OpenAPI parsed(String document) {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document);
        assertThat(result.getMessages()).as("the parser's messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        return result.getOpenAPI();
    }
}
