package dev.elements.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's own API as an OpenAPI 3.1 document, served at {@code /elements/api-v2/openapi.json}:
 * every route {@link HttpApi} declares (a test holds the two to each other, both ways), the
 * {@code Authorization} header's kinds of credentials as security schemes, and the schemas of
 * bodies and answers read from their records by {@link RecordSchemas}. An element's hub resources
 * are not here but in its own document ({@link OpenApiDocument}, {@code /elements/{keyOrId}/docs}).
 * Paths are absolute, since {@code /health} and {@code /} live outside the base path.
 */
final class PlatformApiDocument {
    static final String VERSION = "3.1.0";
    private static final String B = HttpApi.BASE_PATH;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");
    private static final String JSON = "application/json";
    private static final String HTML = "text/html";
    private static final String FORM = "application/x-www-form-urlencoded";

    private static final String USER_ORGANIZATION = "userOrganization";
    private static final String ELEMENT = "element";
    private static final String OPERATOR = "operator";

    private static final String TAG_LANDING = "Server";
    private static final String TAG_ELEMENTS = "Elements";
    private static final String TAG_INSTANCES = "Instances";
    private static final String TAG_EVENTS = "Events";
    private static final String TAG_TENANTS = "Organizations and users";
    private static final String TAG_OPERATOR = "Operator";
    private static final String TAG_HUBS = "Hubs";
    private static final String TAG_CONNECT = "Connect";

    private final ObjectMapper mapper;

    PlatformApiDocument(ObjectMapper mapper) {
        this.mapper = requireNonNull(mapper, "mapper");
    }

    /** The document, {@code version} being this server's. */
    ObjectNode document(String version) {
        requireNonNull(version, "version");
        ObjectNode document = mapper.createObjectNode();
        document.put("openapi", VERSION);
        ObjectNode info = document.putObject("info");
        info.put("title", "Elements platform API");
        info.put("version", version);
        info.put("summary", "The Cloud Elements compatible API of this Elements server");
        info.put("description", "Elements keeps the Cloud Elements API: get a provider's login URL for an element,"
                + " provision an instance with the code of the callback, then call the provider through the instance"
                + " with its Element token. Every route also answers HEAD as its GET without the body. Errors answer"
                + " {requestId, message, providerMessage?} with the status saying which; quote the requestId (also"
                + " in the " + RequestIds.HEADER + " header) when reporting one. Each element's hub resources have"
                + " their own document at " + B + "/elements/{keyOrId}/docs.");
        info.putObject("license").put("name", "Apache-2.0").put("identifier", "Apache-2.0");
        document.putArray("servers").addObject().put("url", "/").put("description", "This Elements server");
        ArrayNode tags = document.putArray("tags");
        tag(tags, TAG_LANDING, "What this server is, its health and this document");
        tag(tags, TAG_ELEMENTS, "The catalogue of elements, and the provider login URL that starts provisioning");
        tag(tags, TAG_INSTANCES, "Provisioned connections: create, list, change, enable, renew, delete");
        tag(tags, TAG_EVENTS, "What providers send, and the events an application's instances received");
        tag(tags, TAG_TENANTS, "Organizations and their users");
        tag(tags, TAG_OPERATOR, "The operator's routes; off (404) without ELEMENTS_OPERATOR_SECRET");
        tag(tags, TAG_HUBS, "Calls to the provider through the instance the Element token names");
        tag(tags, TAG_CONNECT, "Hosted connect: a link the application hands its user, an instance back");
        ObjectNode components = document.putObject("components");
        securitySchemes(components.putObject("securitySchemes"));
        RecordSchemas schemas = new RecordSchemas(mapper, components.putObject("schemas"));
        components.putObject("responses").putObject("Error")
                .put("description", "A refusal or a failure; the status says which")
                .putObject("content").putObject(JSON).set("schema", schemas.response("Error", ErrorBody.class));
        new Paths(document.putObject("paths"), schemas).declare();
        return document;
    }

    private static void tag(ArrayNode tags, String name, String description) {
        tags.addObject().put("name", name).put("description", description);
    }

    private static void securitySchemes(ObjectNode schemes) {
        scheme(schemes, USER_ORGANIZATION, "User <user secret>, Organization <organization secret>: the user's and"
                + " the organization's secrets, printed once when they were made. Where a route also needs an"
                + " instance's Element token, all three go in the one header: User <secret>, Organization <secret>,"
                + " Element <token>.");
        scheme(schemes, ELEMENT, "Element <element token>: the token of an instance, shown once when it was"
                + " provisioned; names the instance a hub call goes through.");
        scheme(schemes, OPERATOR, "Operator <operator secret>: ELEMENTS_OPERATOR_SECRET of the server.");
    }

    private static void scheme(ObjectNode schemes, String name, String description) {
        schemes.putObject(name).put("type", "apiKey").put("in", "header").put("name", AuthorizationHeader.NAME)
                .put("description", description);
    }

    /** Who may call a route, as its {@link Access} says. */
    private enum Security {
        ANYONE, OPERATOR, CALLER, INSTANCE_FROM_TOKEN, CALLER_OR_INSTANCE_FROM_TOKEN, ELEMENT_TOKEN
    }

    /** The paths, in the order of the routes in {@link HttpApi}. */
    private final class Paths {
        private final ObjectNode paths;
        private final RecordSchemas schemas;
        private final Set<String> operationIds = new HashSet<>();

        Paths(ObjectNode paths, RecordSchemas schemas) {
            this.paths = paths;
            this.schemas = schemas;
        }

        void declare() {
            server();
            elements();
            instances(B + "/instances", Security.INSTANCE_FROM_TOKEN, "the instance of the Element token");
            instances(B + "/instances/{id}", Security.CALLER, "the instance");
            events();
            tenants();
            operator();
            hubs();
            connect();
        }

        /** The hosted connect flow: the application's sessions, and the browser's pages at the root. */
        private void connect() {
            operation("POST", B + "/connect/sessions", TAG_CONNECT,
                    "Start a hosted connect session: a page the user opens to connect an account", Security.CALLER)
                    .body(schemas.request("ConnectSessionRequest", ConnectSessionRequest.class),
                            "The element, configuration, name and tags of the instance to make, and where the"
                                    + " browser goes afterwards")
                    .ok("The session's id, the page's URL and when it expires",
                            schemas.response("ConnectSessionCreated", ConnectSessionView.Created.class));
            operation("GET", B + "/connect/sessions/{id}", TAG_CONNECT, "Where a connect session stands",
                    Security.CALLER)
                    .ok("PENDING, CONNECTED or FAILED, with the instance once connected (its Element token shown"
                            + " on the first read only)", schemas.response("ConnectSession", ConnectSessionView.class));
            operation("GET", "/connect/{id}", TAG_CONNECT, "The page a user opens to connect an account",
                    Security.ANYONE)
                    .okPage("An HTML page with a button to the provider's login");
            operation("GET", "/connect/callback", TAG_CONNECT, "Where the provider sends the user back",
                    Security.ANYONE)
                    .query("code", string(), "The provider's code")
                    .query("state", string(), "The session's single-use state")
                    .query("error", string(), "The provider's refusal, such as access_denied")
                    .query("error_description", string(), "The provider's words about the refusal")
                    .redirect("303", "To the session's redirectUrl with connectSessionId and instanceId, or with"
                            + " error and error_description");
        }

        private void server() {
            ObjectNode landing = schemas.response("Landing", LandingRoutes.LandingView.class);
            for (String path : new String[] {"/", B}) {
                operation("GET", path, TAG_LANDING, "What this server is, with links to its docs", Security.ANYONE)
                        .ok("The name, version and links; a page for a browser (Accept: text/html)", landing)
                        .alsoAnswers(HTML);
            }
            ObjectNode health = schemas.response("Health", HealthRoutes.HealthView.class);
            for (String path : new String[] {"/health", B + "/health"}) {
                operation("GET", path, TAG_LANDING, "Whether this node is ready to serve", Security.ANYONE)
                        .ok("Ready (UP)", health)
                        .response("503", "Not ready (DOWN); the checks say what is down", health);
            }
            operation("GET", B + "/openapi.json", TAG_LANDING, "This document", Security.ANYONE)
                    .ok("The OpenAPI 3.1 document of the platform's API", object());
        }

        private void elements() {
            ObjectNode element = schemas.response("Element", ElementView.class);
            operation("GET", B + "/elements", TAG_ELEMENTS, "List the elements", Security.CALLER)
                    .ok("Every element of this server", array(element));
            operation("GET", B + "/elements/keys", TAG_ELEMENTS, "List the elements' keys", Security.CALLER)
                    .ok("The keys", array(string()));
            operation("GET", B + "/elements/{keyOrId}", TAG_ELEMENTS, "Show an element", Security.CALLER)
                    .ok("The element with its configuration entries and hub resources", element);
            operation("GET", B + "/elements/{keyOrId}/metadata", TAG_ELEMENTS,
                    "An element's hub resources, their paging and events", Security.CALLER)
                    .ok("The metadata", schemas.response("ElementMetadata", ElementMetadataView.class));
            operation("GET", B + "/elements/{keyOrId}/docs", TAG_ELEMENTS,
                    "The OpenAPI document of an element's hub resources", Security.CALLER)
                    .ok("An OpenAPI 3.0 document", object());
            ObjectNode authorizationUrl = schemas.response("AuthorizationUrl", AuthorizationUrlView.class);
            operation("GET", B + "/elements/{keyOrId}/oauth/url", TAG_ELEMENTS,
                    "The provider's login URL, the first step of provisioning", Security.ANYONE)
                    .query("apiKey", string(), "The application's key at the provider; the element's default if absent")
                    .query("callbackUrl", string(), "Where the provider sends the user back with the code")
                    .query("scope", string(), "The scopes to ask for; the element's default if absent")
                    .query("state", string(), "Passed back to the callback unchanged")
                    .ok("The URL to send the user to", authorizationUrl);
            ObjectNode urlRequest = schemas.request("AuthorizationUrlRequest", AuthorizationUrlRequest.class);
            operation("POST", B + "/elements/{keyOrId}/oauth/url", TAG_ELEMENTS,
                    "The provider's login URL, the fields in a body", Security.ANYONE)
                    .body(urlRequest, "The fields of the GET's query; an apiSecret is accepted and dropped")
                    .ok("The URL to send the user to", authorizationUrl);
            ObjectNode instance = schemas.response("Instance", InstanceView.class);
            operation("GET", B + "/elements/{keyOrId}/instances", TAG_INSTANCES, "List the instances of an element",
                    Security.CALLER)
                    .instanceListQuery()
                    .page("A page of the organization's instances of the element", array(instance));
            operation("POST", B + "/elements/{keyOrId}/instances", TAG_INSTANCES,
                    "Provision an instance of the element", Security.CALLER)
                    .idempotencyKey()
                    .body(newInstance(), "As POST /instances; element, if given, must be the path's")
                    .ok("The instance, with its Element token (shown this once)", instance);
            String one = B + "/elements/{keyOrId}/instances/{id}";
            operation("GET", one, TAG_INSTANCES, "Show an instance of the element", Security.CALLER)
                    .ok("The instance", instance);
            operation("PUT", one, TAG_INSTANCES, "Replace an instance's fields", Security.CALLER)
                    .body(instanceChanges(), "What the body leaves out is cleared")
                    .ok("The instance", instance);
            operation("PATCH", one, TAG_INSTANCES, "Change an instance's fields", Security.CALLER)
                    .body(instanceChanges(), "What the body leaves out is kept")
                    .ok("The instance", instance);
            operation("DELETE", one, TAG_INSTANCES, "Delete an instance", Security.CALLER)
                    .ok("Deleted", object());
        }

        /** The lifecycle of one instance below {@code prefix}, which names it by the path or by the token. */
        private void instances(String prefix, Security security, String which) {
            ObjectNode instance = schemas.response("Instance", InstanceView.class);
            if (security == Security.INSTANCE_FROM_TOKEN) {
                operation("POST", prefix, TAG_INSTANCES, "Provision an instance", Security.CALLER)
                        .idempotencyKey()
                        .body(newInstance(), "The element, the code of the provider's callback (providerData),"
                                + " configuration, name and tags; or externalAuthentication with the tokens in"
                                + " configuration")
                        .ok("The instance, with its Element token (shown this once)", instance);
                operation("GET", prefix, TAG_INSTANCES, "List the instances, or show the Element token's",
                        Security.CALLER_OR_INSTANCE_FROM_TOKEN)
                        .instanceListQuery()
                        .page("A page of the organization's instances; with an Element token, that one instance",
                                oneOf(array(instance), instance));
            } else {
                operation("GET", prefix, TAG_INSTANCES, "Show " + which, security)
                        .ok("The instance", instance);
            }
            operation("PUT", prefix, TAG_INSTANCES, "Replace the fields of " + which, security)
                    .body(instanceChanges(), "What the body leaves out is cleared")
                    .ok("The instance", instance);
            operation("PATCH", prefix, TAG_INSTANCES, "Change the fields of " + which, security)
                    .body(instanceChanges(), "What the body leaves out is kept")
                    .ok("The instance", instance);
            operation("DELETE", prefix, TAG_INSTANCES, "Delete " + which, security)
                    .ok("Deleted", object());
            ObjectNode value = schemas.response("ConfigurationValue", ConfigurationValueView.class);
            operation("GET", prefix + "/configuration", TAG_INSTANCES, "The configuration of " + which, security)
                    .ok("Every entry; secrets masked", array(value));
            operation("GET", prefix + "/configuration/{configId}", TAG_INSTANCES,
                    "One configuration entry of " + which, security)
                    .ok("The entry; a secret masked", value);
            operation("PATCH", prefix + "/configuration/{configId}", TAG_INSTANCES,
                    "Change one configuration entry of " + which, security)
                    .body(configurationValueChange(), "The entry with its new propertyValue; other fields are ignored")
                    .ok("The entry", value);
            operation("PUT", prefix + "/enabled", TAG_INSTANCES, "Enable " + which, security)
                    .ok("The instance", instance);
            operation("DELETE", prefix + "/enabled", TAG_INSTANCES, "Disable " + which, security)
                    .ok("The instance", instance);
            operation("POST", prefix + "/token", TAG_INSTANCES, "Issue a new Element token for " + which, security)
                    .ok("The instance with its new token (shown this once); the old one stops working", instance);
            operation("POST", prefix + "/refresh", TAG_INSTANCES, "Renew the provider's token of " + which, security)
                    .ok("The instance", instance);
            operation("GET", prefix + "/docs", TAG_INSTANCES,
                    "The OpenAPI document of the hub resources of " + which, security)
                    .ok("An OpenAPI 3.0 document", object());
            operation("GET", prefix + "/events", TAG_EVENTS, "The latest events of " + which, security)
                    .query("limit", integer(), "How many, newest first; " + EventRoutes.DEFAULT_LIMIT + " if absent")
                    .ok("The events", array(schemas.response("Event", EventView.class)));
        }

        private void events() {
            operation("POST", B + "/instances/{id}/events/{eventId}/redeliver", TAG_EVENTS,
                    "Deliver an event to the application's callback again", Security.CALLER)
                    .ok("The event", schemas.response("Event", EventView.class));
            String provider = B + "/events/{key}";
            operation("GET", provider, TAG_EVENTS, "The provider's webhook subscription handshake", Security.ANYONE)
                    .query("hub.mode", string(), "subscribe")
                    .query("hub.verify_token", string(), "The element's configured verify token")
                    .query("hub.challenge", string(), "Answered back as it came")
                    .okText("The challenge, as plain text");
            operation("POST", provider, TAG_EVENTS, "A provider's webhook delivery, signed by the provider",
                    Security.ANYONE)
                    .body(object(), "The provider's payload, verified against its signature header")
                    .ok("How many changes were accepted", counter("accepted"));
            operation("POST", provider + "/deauthorize", TAG_EVENTS,
                    "The provider's notice that a user removed the app", Security.ANYONE)
                    .form()
                    .ok("How many instances were marked for re-authorization", counter("deauthorized"));
            operation("POST", provider + "/data-deletion", TAG_EVENTS, "A provider user's data deletion request",
                    Security.ANYONE)
                    .form()
                    .ok("Where the user sees the status, and the confirmation code",
                            schemas.response("DataDeletionAnswer", EventRoutes.DeletionAnswer.class));
            operation("GET", provider + "/data-deletion/{code}", TAG_EVENTS,
                    "The status of a data deletion request", Security.ANYONE)
                    .ok("What was deleted; a page for a browser, JSON for Accept: application/json",
                            schemas.response("DataDeletion", DataDeletionPage.View.class))
                    .alsoAnswers(HTML);
        }

        private void tenants() {
            operation("POST", B + "/organizations", TAG_TENANTS, "Create an organization with its administrator",
                    Security.OPERATOR)
                    .body(schemas.request("NewOrganization", TenantRequests.NewOrganization.class),
                            "The name and the administrator's email address")
                    .ok("The organization and its administrator, both secrets shown this once",
                            schemas.response("Organization", OrganizationView.class));
            ObjectNode user = schemas.response("User", UserView.class);
            ObjectNode changes = schemas.request("UserChanges", TenantRequests.UserChanges.class);
            operation("POST", B + "/organizations/users", TAG_TENANTS, "Add a user to the caller's organization",
                    Security.CALLER)
                    .body(schemas.request("NewUser", TenantRequests.NewUser.class),
                            "emailAddress (or email), names and role (org or org-admin)")
                    .ok("The user, with the secret shown this once", user);
            for (String users : new String[] {B + "/organizations/users", B + "/users"}) {
                operation("GET", users, TAG_TENANTS, "List the organization's users", Security.CALLER)
                        .query("where", string(), "A CEQL condition on the users' fields")
                        .ok("The users the caller may see", array(user));
                operation("GET", users + "/{id}", TAG_TENANTS, "Show a user by id or email address", Security.CALLER)
                        .ok("The user", user);
                operation("PATCH", users + "/{id}", TAG_TENANTS, "Change a user", Security.CALLER)
                        .body(changes, "Only what is given changes")
                        .ok("The user", user);
                operation("DELETE", users + "/{id}", TAG_TENANTS, "Delete a user", Security.CALLER)
                        .ok("Deleted", object());
            }
            operation("POST", B + "/users/{id}/secret", TAG_TENANTS, "Issue a new secret for a user", Security.CALLER)
                    .ok("The user, with the new secret shown this once", user);
        }

        private void operator() {
            ObjectNode inventory = schemas.response("KeyInventory", OperatorRoutes.InventoryView.class);
            operation("GET", B + "/operator/keys", TAG_OPERATOR, "The credential keys and what each encrypts",
                    Security.OPERATOR)
                    .ok("The inventory", inventory);
            operation("POST", B + "/operator/keys/rotate", TAG_OPERATOR,
                    "Make a new primary credential key and re-encrypt every secret with it", Security.OPERATOR)
                    .ok("What was re-encrypted", schemas.response("KeyRotation", OperatorRoutes.RotationView.class));
            operation("POST", B + "/operator/users/{emailAddress}/secret", TAG_OPERATOR,
                    "Give a user a new secret (the old one stops working)", Security.OPERATOR)
                    .query("organizationId", string(), "Which organization's user, when several have the address")
                    .ok("The user, with the new secret (shown this once)", schemas.response("User", UserView.class));
        }

        private void hubs() {
            ObjectNode objectMetadata = schemas.response("ObjectMetadata", ObjectMetadataView.class);
            for (String prefix : new String[] {B, B + "/hubs/{hub}"}) {
                operation("GET", prefix + "/objects", TAG_HUBS, "The objects of the Element token's element",
                        Security.INSTANCE_FROM_TOKEN)
                        .ok("Their names", array(string()));
                operation("GET", prefix + "/objects/{objectName}/metadata", TAG_HUBS, "An object's fields",
                        Security.INSTANCE_FROM_TOKEN)
                        .ok("The fields", objectMetadata);
            }
            for (String path : new String[] {B + "/hubs/{hub}/{path}", B + "/{path}"}) {
                for (String method : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
                    Operation operation = operation(method, path, TAG_HUBS,
                            "Call the provider's " + (path.contains("/hubs/") ? "" : "(hub-less) ")
                                    + "resource through the Element token's instance", Security.ELEMENT_TOKEN)
                            .query("where", string(), "A CEQL condition, for resources that take one");
                    if (method.equals("GET")) {
                        operation.query(OpenApiDocument.PAGE_SIZE, integer(), "How many items to answer")
                                .query(OpenApiDocument.NEXT_PAGE, string(),
                                        "The " + HubRoutes.NEXT_PAGE_TOKEN + " of the previous page")
                                .query(OpenApiDocument.PAGE, integer(), "A page number, from 1");
                    }
                    if (!method.equals("GET") && !method.equals("DELETE")) {
                        operation.hubBody();
                    }
                    operation.hubAnswer();
                }
            }
        }

        private ObjectNode newInstance() {
            return schemas.request("NewInstance", ProvisionRequest.class);
        }

        private ObjectNode instanceChanges() {
            return schemas.request("InstanceChanges", UpdateInstanceRequest.class);
        }

        private ObjectNode configurationValueChange() {
            ObjectNode schema = object();
            schema.putArray("required").add(ConfigurationValueRequest.FIELD);
            schema.putObject("properties").putObject(ConfigurationValueRequest.FIELD)
                    .put("description", "The new value: a string, or a number or boolean in its JSON spelling;"
                            + " null clears it")
                    .putArray("type").add("string").add("number").add("boolean").add("null");
            return schema;
        }

        private ObjectNode counter(String name) {
            ObjectNode schema = object();
            schema.putArray("required").add(name);
            schema.putObject("properties").putObject(name).put("type", "integer");
            return schema;
        }

        private Operation operation(String method, String path, String tag, String summary, Security security) {
            ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            String verb = method.toLowerCase(Locale.ROOT);
            if (item.has(verb)) {
                throw new IllegalStateException("Declared twice: " + method + " " + path);
            }
            ObjectNode operation = item.putObject(verb);
            operation.putArray("tags").add(tag);
            operation.put("summary", summary);
            String relative = path.startsWith(B) ? path.substring(B.length()) : path;
            operation.put("operationId", OpenApiDocument.uniqueOperationId(method,
                    path.equals("/") ? "root" : relative.isEmpty() ? "landing" : relative, operationIds));
            security(operation.putArray("security"), security);
            ArrayNode parameters = operation.putArray("parameters");
            Matcher placeholders = PLACEHOLDER.matcher(path);
            while (placeholders.find()) {
                String name = placeholders.group(1);
                parameters.addObject().put("name", name).put("in", "path").put("required", true)
                        .put("description", describePathParameter(name, path))
                        .putObject("schema").put("type", "string");
            }
            ObjectNode responses = operation.putObject("responses");
            responses.putObject("4XX").put("$ref", "#/components/responses/Error");
            responses.putObject("5XX").put("$ref", "#/components/responses/Error");
            return new Operation(operation);
        }

        private void security(ArrayNode requirements, Security security) {
            switch (security) {
                case ANYONE -> { }
                case OPERATOR -> requirements.addObject().putArray(OPERATOR);
                case CALLER -> requirements.addObject().putArray(USER_ORGANIZATION);
                case INSTANCE_FROM_TOKEN -> {
                    ObjectNode both = requirements.addObject();
                    both.putArray(USER_ORGANIZATION);
                    both.putArray(ELEMENT);
                }
                case CALLER_OR_INSTANCE_FROM_TOKEN -> {
                    requirements.addObject().putArray(USER_ORGANIZATION);
                    ObjectNode both = requirements.addObject();
                    both.putArray(USER_ORGANIZATION);
                    both.putArray(ELEMENT);
                }
                case ELEMENT_TOKEN -> requirements.addObject().putArray(ELEMENT);
            }
        }
    }

    private static String describePathParameter(String name, String path) {
        return switch (name) {
            case "keyOrId" -> "The element's key (such as facebooksocial) or numeric id";
            case "id" -> path.contains("/users/") ? "The user's numeric id, or (to show one) the email address"
                    : path.contains("/connect/") ? "The connect session's id" : "The instance's numeric id";
            case "emailAddress" -> "The user's email address";
            case "configId" -> "The configuration entry's numeric id";
            case "eventId" -> "The event's id";
            case "key" -> "The element's key, as in the callback URL given to the provider";
            case "code" -> "The confirmation code of the data deletion request";
            case "hub" -> "Any hub name (such as social): the Element token decides the instance";
            case "objectName" -> "An object of the element, as GET /objects lists them";
            case "path" -> "The resource path at the provider, slashes included and not encoded (such as user/me)";
            default -> throw new IllegalStateException("Describe the path parameter " + name);
        };
    }

    /** One operation being described. */
    private final class Operation {
        private final ObjectNode operation;

        Operation(ObjectNode operation) {
            this.operation = operation;
        }

        Operation query(String name, ObjectNode schema, String description) {
            ((ArrayNode) operation.get("parameters")).addObject().put("name", name).put("in", "query")
                    .put("required", false).put("description", description).set("schema", schema);
            return this;
        }

        Operation instanceListQuery() {
            ObjectNode tags = array(string());
            return query("tags[]", tags, "Only instances with all of these tags (repeat it; tags works too)")
                    .query("where", string(), "A CEQL condition on the instances' fields")
                    .query("searchText", string(), "Only instances whose name contains this")
                    .query("page", integer(), "The page, from 1")
                    .query("pageSize", integer(), "Instances per page");
        }

        Operation idempotencyKey() {
            ((ArrayNode) operation.get("parameters")).addObject().put("name", InstanceRoutes.IDEMPOTENCY_KEY)
                    .put("in", "header").put("required", false)
                    .put("description", "A retry with the same key answers the instance the first request made")
                    .putObject("schema").put("type", "string");
            return this;
        }

        Operation body(ObjectNode schema, String description) {
            ObjectNode body = operation.putObject("requestBody");
            body.put("required", true);
            body.put("description", description);
            body.putObject("content").putObject(JSON).set("schema", schema);
            return this;
        }

        Operation form() {
            ObjectNode body = operation.putObject("requestBody");
            body.put("required", true);
            ObjectNode schema = body.putObject("content").putObject(FORM).putObject("schema").put("type", "object");
            schema.putArray("required").add(EventRoutes.SIGNED_REQUEST);
            schema.putObject("properties").putObject(EventRoutes.SIGNED_REQUEST).put("type", "string")
                    .put("description", "The provider's signed request");
            return this;
        }

        Operation hubBody() {
            ObjectNode body = operation.putObject("requestBody");
            body.put("required", false);
            ObjectNode content = body.putObject("content");
            content.putObject(JSON).putObject("schema");
            content.putObject("multipart/form-data").putObject("schema").put("type", "object")
                    .put("description", "An upload, to resources that take one");
            return this;
        }

        Operation ok(String description, ObjectNode schema) {
            return response("200", description, schema);
        }

        Operation response(String status, String description, ObjectNode schema) {
            ObjectNode response = ((ObjectNode) operation.get("responses")).putObject(status);
            response.put("description", description);
            response.putObject("content").putObject(JSON).set("schema", schema);
            return this;
        }

        /** The 200 is also served as this media type, by the request's Accept. */
        Operation alsoAnswers(String mediaType) {
            ((ObjectNode) operation.get("responses").get("200").get("content")).putObject(mediaType)
                    .putObject("schema").put("type", "string");
            return this;
        }

        Operation okText(String description) {
            return okAs("text/plain", description);
        }

        /** A page for a browser, not data for an application. */
        Operation okPage(String description) {
            return okAs(HTML, description);
        }

        private Operation okAs(String mediaType, String description) {
            ObjectNode response = ((ObjectNode) operation.get("responses")).putObject("200");
            response.put("description", description);
            response.putObject("content").putObject(mediaType).putObject("schema").put("type", "string");
            return this;
        }

        /** A redirect of the browser; the {@code Location} header says where. */
        Operation redirect(String status, String description) {
            ObjectNode response = ((ObjectNode) operation.get("responses")).putObject(status);
            response.put("description", description);
            response.putObject("headers").putObject("Location").putObject("schema").put("type", "string");
            return this;
        }

        Operation page(String description, ObjectNode schema) {
            ok(description, schema);
            ObjectNode headers = ((ObjectNode) operation.get("responses").get("200")).putObject("headers");
            headers.putObject(InstanceRoutes.TOTAL_COUNT).put("description", "How many match, over all pages")
                    .putObject("schema").put("type", "integer");
            headers.putObject(InstanceRoutes.RETURNED_COUNT).put("description", "How many this page holds")
                    .putObject("schema").put("type", "integer");
            return this;
        }

        void hubAnswer() {
            ObjectNode response = ((ObjectNode) operation.get("responses")).putObject("200");
            response.put("description", "The provider's answer, as it came; a page of items for a paged resource."
                    + " The provider's own status is passed on");
            ObjectNode headers = response.putObject("headers");
            headers.putObject(HubRoutes.INSTANCE_ID).put("description", "The instance that was called")
                    .putObject("schema").put("type", "integer");
            headers.putObject(HubRoutes.RETURNED_COUNT).put("description", "How many items the answer holds")
                    .putObject("schema").put("type", "integer");
            headers.putObject(HubRoutes.NEXT_PAGE_TOKEN).put("description", "Send it as nextPage for the next"
                    + " page; absent on the last page").putObject("schema").put("type", "string");
            response.putObject("content").putObject(JSON).putObject("schema");
        }
    }

    private ObjectNode object() {
        return mapper.createObjectNode().put("type", "object");
    }

    private ObjectNode string() {
        return mapper.createObjectNode().put("type", "string");
    }

    private ObjectNode integer() {
        return mapper.createObjectNode().put("type", "integer");
    }

    private ObjectNode oneOf(ObjectNode first, ObjectNode second) {
        ObjectNode schema = mapper.createObjectNode();
        schema.putArray("oneOf").add(first).add(second);
        return schema;
    }

    private ObjectNode array(ObjectNode items) {
        ObjectNode array = mapper.createObjectNode().put("type", "array");
        array.set("items", items);
        return array;
    }
}
