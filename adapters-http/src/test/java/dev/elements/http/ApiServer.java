package dev.elements.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.elements.core.Elements;
import dev.elements.core.memory.InMemoryTenantRepository;
import dev.elements.core.tenant.NewUser;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.SecretGenerator;
import dev.elements.core.tenant.User;
import dev.elements.core.testing.ScriptedElementProvider;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A real server on a random loopback port, over in-memory core with the scripted element, and the kit's client. */
final class ApiServer implements AutoCloseable {
    private static final SecretGenerator SECRETS = new SecretGenerator();

    final ScriptedElementProvider provider = new ScriptedElementProvider();
    /** The events use cases the routes call. */
    final RecordingEvents events = new RecordingEvents();
    static final String BASE = HttpApi.BASE_PATH;
    static final String INSTANCES = BASE + "/instances";
    static final String OPERATOR_SECRET = "operator-" + SECRETS.newSecret();

    final InMemoryTenantRepository tenants = new InMemoryTenantRepository();
    final String organizationSecret = "org-" + SECRETS.newSecret();
    final String userSecret = "user-" + SECRETS.newSecret();
    final Elements elements;
    final HttpApi api;
    final int port;
    private final TestHttpClient http;
    private final AtomicInteger codes = new AtomicInteger();

    private ApiServer(Consumer<Elements.Builder> customization, HttpApiSettings settings, Clock clock) {
        Elements.Builder builder = Elements.builder().inMemory().tenants(tenants).provider(provider);
        customization.accept(builder);
        this.elements = builder.build();
        elements.bootstrap().createFirstIfEmpty(organizationSecret, userSecret);
        this.api = new HttpApi(EmbeddedUseCases.of(elements, events), settings, clock);
        this.port = api.start("127.0.0.1", 0);
        this.http = TestHttpClient.at("http://127.0.0.1:" + port);
    }

    static ApiServer start() {
        return new ApiServer(builder -> { }, HttpApiSettings.defaults(), Clock.systemUTC());
    }

    /** With these settings, and {@code clock} for the HTTP adapter's own sense of time. */
    static ApiServer start(HttpApiSettings settings, Clock clock) {
        return new ApiServer(builder -> { }, settings, clock);
    }

    static ApiServer start(Consumer<Elements.Builder> customization) {
        return new ApiServer(customization, HttpApiSettings.defaults(), Clock.systemUTC());
    }

    /** With {@code POST /organizations} on, for {@link #OPERATOR_SECRET}. */
    static ApiServer withOperator() {
        return start(builder -> builder.operatorSecret(OPERATOR_SECRET));
    }

    /** The Authorization header of the bootstrap organization's administrator. */
    String auth() {
        return "User " + userSecret + ", Organization " + organizationSecret;
    }

    /** A second organization with its own administrator; returns that administrator's Authorization header. */
    String otherOrganization() {
        return organization("Other", "other@example.com").administrator().authorization();
    }

    /** An organization made in storage, so that tests of other routes do not depend on POST /organizations. */
    TestOrganization organization(String name, String administratorEmail) {
        String organizationSecret = SECRETS.newSecret();
        String administratorSecret = SECRETS.newSecret();
        Principal created = tenants.createOrganization(name, SecretDigest.of(organizationSecret),
                new NewUser(administratorEmail, "Ada", "Admin", Role.ORG_ADMIN, SecretDigest.of(administratorSecret)));
        TestUser administrator = new TestUser(created.user().id().value(), administratorEmail,
                "User " + administratorSecret + ", Organization " + organizationSecret);
        return new TestOrganization(created.organizationId().value(), organizationSecret, administrator);
    }

    /** A user of {@code organization} with the role {@code org}. */
    TestUser member(TestOrganization organization, String email) {
        String secret = SECRETS.newSecret();
        User added = tenants.addUser(new OrganizationId(organization.id()),
                new NewUser(email, "Max", "Member", Role.ORG, SecretDigest.of(secret)));
        return new TestUser(added.id().value(), email, "User " + secret + ", Organization " + organization.secret());
    }

    /** The Authorization header of {@code authorization} with an Element token added. */
    static String withToken(String authorization, String elementToken) {
        return authorization + ", Element " + elementToken;
    }

    /** A code the scripted provider accepts once. */
    String acceptedCode() {
        String code = "code-" + codes.incrementAndGet();
        provider.accept(code, "provider-user-" + code);
        return code;
    }

    /** A POST /instances body of the scripted element with everything required. */
    static String provisionBody(String code, String name, List<String> tags) {
        ObjectNode body = TestResponse.JSON.createObjectNode();
        body.putObject("element").put("key", "scripted");
        body.putObject("providerData").put("code", code);
        ObjectNode configuration = body.putObject("configuration");
        configuration.put("oauth.api.key", "app-id");
        configuration.put("oauth.api.secret", "app-secret-value");
        configuration.put("oauth.callback.url", "https://app.example/callback");
        ArrayNode tagArray = body.putArray("tags");
        tags.forEach(tagArray::add);
        body.put("name", name);
        return body.toString();
    }

    /** Provisions a scripted instance; the answer holds its element token, this once. */
    JsonNode provision(String authorization, String name, List<String> tags) {
        TestResponse created = postJson(INSTANCES, authorization, provisionBody(acceptedCode(), name, tags));
        if (created.status() != 200) {
            throw new AssertionError("Provisioning failed: " + created.status() + " " + created.body());
        }
        return created.json();
    }

    /** The ids of the instances a listing answered, in its order. */
    static List<Long> idsOf(TestResponse listing) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode instance : listing.json()) {
            ids.add(instance.path("id").asLong());
        }
        return ids;
    }

    /** The kit's client for this server, sending {@code authorization} (none if null) on every request. */
    TestHttpClient as(String authorization) {
        return http.withHeader("Authorization", authorization);
    }

    URI uri(String path) {
        return http.uri(path);
    }

    /** A request built by hand, for verbs and headers the shortcuts do not send. */
    TestResponse send(java.net.http.HttpRequest request) {
        return http.send(request);
    }

    TestResponse get(String path, String authorization) {
        return as(authorization).get(path);
    }

    TestResponse put(String path, String authorization, String body) {
        return send("PUT", path, authorization, body);
    }

    TestResponse patch(String path, String authorization, String body) {
        return send("PATCH", path, authorization, body);
    }

    TestResponse delete(String path, String authorization) {
        return as(authorization).delete(path);
    }

    /** Any verb; a body is sent as JSON, and no body with no {@code Content-Type}. */
    TestResponse send(String method, String path, String authorization, String jsonBody) {
        return as(authorization).send(method, path, jsonBody == null ? null : "application/json", jsonBody);
    }

    TestResponse postJson(String path, String authorization, String body) {
        return as(authorization).postJson(path, body);
    }

    TestResponse post(String path, String authorization, String contentType, String body) {
        return as(authorization).send("POST", path, contentType, body);
    }

    /** Jetty writes the parameter without the space ({@code application/json;charset=utf-8}); both are the same type. */
    static void assertJsonContentType(TestResponse response) {
        org.assertj.core.api.Assertions.assertThat(response.header("Content-Type"))
                .isNotNull()
                .satisfies(type -> org.assertj.core.api.Assertions.assertThat(type.replace(" ", "").toLowerCase())
                        .isEqualTo("application/json;charset=utf-8"));
    }

    @Override
    public void close() {
        api.stop();
    }

    /** An organization made for a test, with the secrets it was given. */
    record TestOrganization(long id, String secret, TestUser administrator) {
        @Override
        public String toString() {
            return "TestOrganization[" + id + "]";
        }
    }

    /** A user made for a test, with its Authorization header (User and Organization). */
    record TestUser(long id, String email, String authorization) {
        @Override
        public String toString() {
            return "TestUser[" + id + "]";
        }
    }
}
