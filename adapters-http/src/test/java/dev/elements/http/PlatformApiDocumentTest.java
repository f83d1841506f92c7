package dev.elements.http;

import static dev.elements.http.ApiServer.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.TestResponse;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The platform's OpenAPI document against the routes Javalin holds, both ways: every route the
 * server registers is documented, and every documented operation is served by its own route (not
 * refused as an unknown path by the hub-less catch-all); and it is valid OpenAPI 3.1.
 */
class PlatformApiDocumentTest {
    private static final String DOCUMENT = BASE + "/openapi.json";
    /**
     * Served but left out of the document on purpose: Swagger UI's page and files are a view of the
     * document, not API; {@code /metrics} is for Prometheus (added by the metrics work, and
     * tolerated whether or not it is registered yet).
     */
    private static final Set<String> NOT_DOCUMENTED = Set.of(
            "GET " + BASE + "/docs",
            "GET " + BASE + "/docs/{file}",
            "GET /metrics");
    /** The verbs a document can hold; HEAD is GET without the body on every route (HeadRoutes). */
    private static final Set<String> DOCUMENTED_VERBS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final String NO_ROUTE = "No route for";

    private ApiServer server;
    private JsonNode document;

    @BeforeEach
    void start() {
        server = ApiServer.withOperator();
        TestResponse served = server.get(DOCUMENT, null);
        assertThat(served.status()).isEqualTo(200);
        ApiServer.assertJsonContentType(served);
        document = served.json();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyRouteTheServerRegistersIsDocumented() {
        Set<String> documented = documentedOperations();
        List<String> missing = new ArrayList<>();
        for (HttpApi.Route route : server.api.routes()) {
            String path = openApiPath(route.path());
            String method = route.method().equals("HEAD") ? "GET" : route.method();
            assertThat(DOCUMENTED_VERBS).as("a verb the document has no rule for, of " + route).contains(method);
            String operation = method + " " + path;
            if (!documented.contains(operation) && !NOT_DOCUMENTED.contains(operation)) {
                missing.add(route.toString());
            }
        }
        assertThat(missing).as("routes the server registers that PlatformApiDocument does not describe; add them"
                + " to PlatformApiDocument.Paths.declare() (or, if they are not API, to NOT_DOCUMENTED here)")
                .isEmpty();
    }

    @Test
    void whatIsLeftOutOfTheDocumentOnPurposeIsNotInIt() {
        assertThat(documentedOperations()).doesNotContainAnyElementsOf(NOT_DOCUMENTED);
        List<String> registered = server.api.routes().stream()
                .map(route -> route.method() + " " + openApiPath(route.path()))
                .toList();
        assertThat(registered).contains("GET " + BASE + "/docs", "GET " + BASE + "/docs/{file}");
    }

    /**
     * Each documented operation, its path parameters filled in, is answered by a route of its own:
     * never the 404 of an unknown path or a 405. No credentials are sent, so no handler acts; only
     * the hub-less form gets an Element token, without which it is an unknown path by design.
     */
    @Test
    void everyDocumentedOperationIsServed() {
        List<String> unserved = new ArrayList<>();
        for (String operation : documentedOperations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            String path = template.replace("{path}", "probe/resource").replaceAll("\\{[^}]+}", "1");
            String authorization = template.contains("{path}") ? "Element probe-token" : null;
            String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
            TestResponse response = server.send(method, path, authorization, body);
            // A page route's own 404 is a page; the unknown path's is the JSON error.
            boolean page = String.valueOf(response.header("Content-Type")).startsWith("text/html");
            boolean unknownPath = response.status() == 404 && !page && response.message() != null
                    && response.message().startsWith(NO_ROUTE);
            if (unknownPath || response.status() == 405) {
                unserved.add(operation + " (as " + method + " " + path + ": " + response.status() + " "
                        + response.message() + ")");
            }
        }
        assertThat(unserved).as("documented operations the server does not serve").isEmpty();
    }

    @Test
    void isValidOpenApi31() {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document.toString());
        assertThat(result.getMessages()).as("the parser's messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.at("/info/version").asText()).isEqualTo(ServerVersion.current());
    }

    @Test
    void describesTheCredentialsTheBodiesAndTheErrorObject() {
        JsonNode components = document.path("components");
        for (String scheme : List.of("userOrganization", "element", "operator")) {
            assertThat(components.at("/securitySchemes/" + scheme + "/type").asText()).isEqualTo("apiKey");
            assertThat(components.at("/securitySchemes/" + scheme + "/in").asText()).isEqualTo("header");
            assertThat(components.at("/securitySchemes/" + scheme + "/name").asText()).isEqualTo("Authorization");
        }
        JsonNode error = components.at("/schemas/Error");
        assertThat(fieldNames(error.path("properties"))).containsExactly("requestId", "message", "providerMessage");
        assertThat(error.path("required").toString()).isEqualTo("[\"requestId\",\"message\"]");
        JsonNode provisioning = document.at("/paths/" + pointer(BASE + "/instances") + "/post");
        assertThat(provisioning.at("/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/NewInstance");
        assertThat(fieldNames(components.at("/schemas/NewInstance/properties"))).contains("element",
                "providerData", "configuration", "tags", "name", "externalAuthentication");
        assertThat(provisioning.at("/responses/4XX/$ref").asText()).isEqualTo("#/components/responses/Error");
        assertThat(provisioning.at("/security/0").has("userOrganization")).isTrue();
        for (String schema : List.of("Instance", "Element", "User", "Organization", "NewOrganization", "NewUser",
                "UserChanges", "InstanceChanges", "ConfigurationValue", "Event", "Health", "Landing")) {
            assertThat(components.path("schemas").has(schema)).as(schema).isTrue();
        }
        // A field Jackson renames is documented under the name on the wire.
        assertThat(fieldNames(components.at("/schemas/Element/properties"))).contains("signupURL")
                .doesNotContain("signupUrl");
    }

    @Test
    void everyOperationHasAnAnswerAndTheErrorObject() {
        JsonNode paths = document.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> items = paths.fields(); items.hasNext(); ) {
            Map.Entry<String, JsonNode> item = items.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = item.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                JsonNode responses = operation.getValue().path("responses");
                String name = operation.getKey() + " " + item.getKey();
                // A browser's redirect (the connect callback) answers 303 instead of 200.
                assertThat(responses.has("200") || responses.has("303")).as(name).isTrue();
                assertThat(responses.at("/4XX/$ref").asText()).as(name).isEqualTo("#/components/responses/Error");
            }
        }
    }

    private Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(item -> item.getValue().fieldNames()
                .forEachRemaining(verb -> operations.add(verb.toUpperCase(Locale.ROOT) + " " + item.getKey())));
        return operations;
    }

    /** Javalin's {@code <path>} (which spans slashes) is OpenAPI's {@code {path}}; a trailing slash is ignored. */
    private static String openApiPath(String javalinPath) {
        String path = javalinPath.replaceAll("<([^>]+)>", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String pointer(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }
}
