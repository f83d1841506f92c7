package dev.elements.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.FieldDefinition;
import dev.elements.core.element.ObjectDefinition;
import dev.elements.core.element.ParameterShape;
import dev.elements.core.element.ResourceDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An element's hub resources as an OpenAPI 3.0 document, what Cloud Elements served at
 * {@code GET /elements/{id}/docs} and {@code GET /instances/{id}/docs} (Swagger then; OpenAPI 3.0
 * here, which generators and Swagger UI load alike): a path per resource below
 * {@code /hubs/{hub}}, its path parameters, paging parameters and page headers, the element's
 * objects as schemas, the {@code Authorization} header, and the platform's error body.
 */
final class OpenApiDocument {
    static final String VERSION = "3.0.3";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");
    private static final String AUTHORIZATION_SCHEME = "elementsAuthorization";
    private static final String ERROR_SCHEMA = "ElementsError";
    static final String PAGE_SIZE = "pageSize";
    static final String NEXT_PAGE = "nextPage";
    static final String PAGE = "page";
    private static final String JSON = "application/json";

    private final ObjectMapper mapper;

    OpenApiDocument(ObjectMapper mapper) {
        this.mapper = requireNonNull(mapper, "mapper");
    }

    /** The document of {@code element}'s resources. */
    ObjectNode of(ElementDefinition element) {
        ObjectNode document = mapper.createObjectNode();
        document.put("openapi", VERSION);
        ObjectNode info = document.putObject("info");
        info.put("title", element.name() + " (" + element.key().value() + ")");
        info.put("description", element.description());
        info.put("version", Long.toString(element.id()));
        // Relative to where the document is served, so it works behind any host name or proxy.
        document.putArray("servers").addObject().put("url", HttpApi.BASE_PATH)
                .put("description", "This Elements server");
        document.putArray("security").addObject().putArray(AUTHORIZATION_SCHEME);
        document.putArray("tags").addObject().put("name", element.hub())
                .put("description", "The " + element.hub() + " hub of " + element.name());
        ObjectNode paths = document.putObject("paths");
        Set<String> operationIds = new HashSet<>();
        for (ResourceDefinition resource : element.resources()) {
            String path = "/hubs/" + element.hub() + "/" + resource.path();
            ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            item.set(resource.method().toLowerCase(Locale.ROOT), operation(element, resource, operationIds));
        }
        components(document.putObject("components"), element.objects());
        return document;
    }

    private ObjectNode operation(ElementDefinition element, ResourceDefinition resource, Set<String> operationIds) {
        ObjectNode operation = mapper.createObjectNode();
        operation.putArray("tags").add(element.hub());
        operation.put("summary", resource.description());
        operation.put("operationId", uniqueOperationId(resource.method(), resource.path(), operationIds));
        ArrayNode parameters = operation.putArray("parameters");
        Matcher placeholders = PLACEHOLDER.matcher(resource.path());
        while (placeholders.find()) {
            parameters.add(pathParameter(placeholders.group(1), resource.parameterShapes().get(placeholders.group(1))));
        }
        if (resource.paged()) {
            parameters.add(queryParameter(PAGE_SIZE, integer(1), "How many items to answer; the element caps it"
                    + " at its pagination.max"));
            parameters.add(queryParameter(NEXT_PAGE, string(), "The Elements-Next-Page-Token of the previous page"));
            parameters.add(queryParameter(PAGE, integer(1), "A page number, from 1; nextPage reaches deeper pages"));
        }
        if (!resource.method().equals("GET") && !resource.method().equals("DELETE")) {
            ObjectNode body = operation.putObject("requestBody");
            body.put("required", false);
            body.putObject("content").putObject(JSON).putObject("schema").put("type", "object");
        }
        ObjectNode responses = operation.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ok.put("description", resource.paged() ? "A page of items" : "The provider's answer");
        ObjectNode headers = ok.putObject("headers");
        headers.set(HubRoutes.INSTANCE_ID, header("The instance that was called", integer(null)));
        if (resource.paged()) {
            headers.set(HubRoutes.RETURNED_COUNT, header("How many items this page holds", integer(null)));
            headers.set(HubRoutes.NEXT_PAGE_TOKEN, header("Send it as nextPage for the next page; absent on the"
                    + " last page", string()));
        }
        ObjectNode schema = ok.putObject("content").putObject(JSON).putObject("schema");
        if (resource.paged()) {
            schema.put("type", "array").putObject("items").put("type", "object");
        } else {
            schema.put("type", "object");
        }
        ObjectNode failure = responses.putObject("default");
        failure.put("description", "A refusal or a failure, with the status saying which");
        failure.putObject("content").putObject(JSON).putObject("schema").put("$ref",
                "#/components/schemas/" + ERROR_SCHEMA);
        return operation;
    }

    /** {@code getUserIdFriends}: the verb and the path's words; a number is added should two be alike. */
    static String uniqueOperationId(String method, String path, Set<String> taken) {
        StringBuilder id = new StringBuilder(method.toLowerCase(Locale.ROOT));
        for (String word : path.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        String candidate = id.toString();
        for (int suffix = 2; !taken.add(candidate); suffix++) {
            candidate = id.toString() + suffix;
        }
        return candidate;
    }

    private ObjectNode pathParameter(String name, ParameterShape shape) {
        ObjectNode parameter = mapper.createObjectNode();
        parameter.put("name", name);
        parameter.put("in", "path");
        parameter.put("required", true);
        ObjectNode schema = parameter.putObject("schema").put("type", "string");
        if (shape != null) {
            parameter.put("description", shape.description());
            schema.put("maxLength", shape.maxLength());
        }
        return parameter;
    }

    private ObjectNode queryParameter(String name, ObjectNode schema, String description) {
        ObjectNode parameter = mapper.createObjectNode();
        parameter.put("name", name);
        parameter.put("in", "query");
        parameter.put("required", false);
        parameter.put("description", description);
        parameter.set("schema", schema);
        return parameter;
    }

    private ObjectNode header(String description, ObjectNode schema) {
        ObjectNode header = mapper.createObjectNode();
        header.put("description", description);
        header.set("schema", schema);
        return header;
    }

    private ObjectNode string() {
        return mapper.createObjectNode().put("type", "string");
    }

    private ObjectNode integer(Integer minimum) {
        ObjectNode schema = mapper.createObjectNode().put("type", "integer");
        if (minimum != null) {
            schema.put("minimum", minimum);
        }
        return schema;
    }

    private void components(ObjectNode components, List<ObjectDefinition> objects) {
        ObjectNode scheme = components.putObject("securitySchemes").putObject(AUTHORIZATION_SCHEME);
        scheme.put("type", "apiKey");
        scheme.put("in", "header");
        scheme.put("name", AuthorizationHeader.NAME);
        scheme.put("description", "Cloud Elements' comma-separated pairs: User <user secret>, Organization"
                + " <organization secret>, Element <element token>");
        ObjectNode schemas = components.putObject("schemas");
        for (ObjectDefinition object : objects) {
            ObjectNode schema = schemas.putObject(object.name());
            schema.put("type", "object");
            schema.put("description", object.description());
            ObjectNode properties = schema.putObject("properties");
            for (FieldDefinition field : object.fields()) {
                ObjectNode property = properties.putObject(field.name());
                fieldType(property, field.type());
                property.put("description", field.description());
                if (!field.writable()) {
                    property.put("readOnly", true);
                }
            }
        }
        ObjectNode error = schemas.putObject(ERROR_SCHEMA);
        error.put("type", "object");
        error.putArray("required").add("requestId").add("message");
        ObjectNode properties = error.putObject("properties");
        properties.putObject("requestId").put("type", "string");
        properties.putObject("message").put("type", "string");
        properties.putObject("providerMessage").put("type", "string")
                .put("description", "What the provider said, when it said something");
    }

    private static void fieldType(ObjectNode property, String type) {
        switch (type) {
            case "date" -> property.put("type", "string").put("format", "date-time");
            case "array" -> property.put("type", "array").putObject("items");
            default -> property.put("type", type);
        }
    }
}
