package dev.elements.http;

import static dev.elements.http.ApiServer.INSTANCES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.core.testing.ScriptedElementProvider;
import dev.elements.http.ApiServer.TestOrganization;
import dev.elements.http.ApiServer.TestUser;
import dev.elements.http.IsolationCases.Case;
import dev.elements.http.IsolationCases.Outcome;
import dev.elements.http.IsolationCases.Target;
import dev.elements.testing.TestResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 3's isolation requirement: every instance and user route answers 404 to another
 * organization and changes nothing of it. Two organizations alike in everything but their secrets
 * (same name, same administrator address, instances of the same element with the same names, tags
 * and even Idempotency-Keys) run every case of {@link IsolationCases} against each other, as
 * administrator and as plain user; the owner then runs the same requests successfully, so that no
 * 404 here comes from a malformed case. And the matrix must cover every route Javalin serves under
 * {@code /instances}, {@code /users}, {@code /organizations}, {@code /elements/{keyOrId}/instances},
 * {@code /hubs} and the hub-less form of hub calls. Hub routes are scoped by the Element token, not by an id: another
 * organization's token with the caller's own User and Organization must get 401 there, and reach
 * no provider.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationMatrixTest {
    private static final String USERS = ApiServer.BASE + "/users";
    private static final Pattern TENANT_SCOPED =
            Pattern.compile("/(instances|users|organizations|hubs|objects)(/.*)?|/elements/[^/]+/instances(/.*)?|/<path>");
    /** The scripted element's hub; the token decides, so any name would do. */
    private static final String HUB = "testing";
    private static final List<String> ELEMENT_REFERENCES =
            List.of(ScriptedElementProvider.KEY, Long.toString(ScriptedElementProvider.ID));

    private final AtomicInteger fresh = new AtomicInteger();
    private ApiServer server;
    private Tenant first;
    private Tenant second;
    private long paginationEntry;

    /** An instance with what made it: its token, shown once, and the request that provisioned it. */
    record Provisioned(long id, String token, String code, String body, String idempotencyKey) {
    }

    record Tenant(String label, TestOrganization organization, TestUser member, List<Provisioned> instances) {
        TestUser administrator() {
            return organization.administrator();
        }

        List<TestUser> users() {
            return List.of(administrator(), member);
        }

        String role(TestUser user) {
            return user.equals(administrator()) ? "administrator" : "member";
        }
    }

    /** What a run aims at: an instance, users, an email address for a new user. */
    record Aim(Provisioned instance, List<TestUser> users, String email) {
    }

    @BeforeAll
    void startTwoLookAlikeOrganizations() {
        // Every refused case is a failed authentication; the throttle is not what this test is about.
        server = ApiServer.start(HttpApiSettings.defaults().withFailedAuthentications(1_000_000,
                java.time.Duration.ofMinutes(1)), java.time.Clock.systemUTC());
        first = tenant("A", "member-a@acme.example");
        second = tenant("B", "member-b@acme.example");
        assertThat(second.instances()).extracting(Provisioned::id)
                .as("the same request with the same Idempotency-Key made new instances in the second organization")
                .doesNotContainAnyElementsOf(first.instances().stream().map(Provisioned::id).toList());
        JsonNode configuration = server.get(INSTANCES + "/" + first.instances().get(0).id() + "/configuration",
                first.administrator().authorization()).json();
        paginationEntry = InstanceLifecycleTest.entry(configuration, "pagination.max").path("id").asLong();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Tenant tenant(String label, String memberEmail) {
        TestOrganization organization = server.organization("Acme", "admin@acme.example");
        TestUser member = server.member(organization, memberEmail);
        List<Provisioned> instances = List.of(
                provision(organization.administrator(), "Shared CRM", List.of("shared", "blue"), "shared-key-1",
                        "shared-code-1"),
                provision(member, "Shared CRM", List.of("shared"), "shared-key-2", "shared-code-2"));
        return new Tenant(label, organization, member, instances);
    }

    /** Both organizations send this very request: same body, same code, same Idempotency-Key. */
    private Provisioned provision(TestUser user, String name, List<String> tags, String idempotencyKey, String code) {
        server.provider.accept(code, "provider-" + code);
        String body = ApiServer.provisionBody(code, name, tags);
        TestResponse created = send("POST", INSTANCES, user.authorization(), body, idempotencyKey);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return new Provisioned(created.json().path("id").asLong(), created.json().path("token").asText(), code, body,
                idempotencyKey);
    }

    // ---- The completeness check -------------------------------------------------------------

    /** Every verb and path Javalin serves that reads or changes instances or users, relative to the base path. */
    private Set<String> tenantScopedRoutes() {
        return server.api.routes().stream()
                .filter(route -> route.path().startsWith(ApiServer.BASE + "/"))
                .map(route -> new HttpApi.Route(route.method(), route.path().substring(ApiServer.BASE.length())))
                .filter(route -> TENANT_SCOPED.matcher(route.path()).matches())
                .map(HttpApi.Route::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyInstanceAndUserRouteHasACaseInTheMatrix() {
        Set<String> registered = tenantScopedRoutes();
        Set<String> covered = IsolationCases.CASES.stream().map(Case::routeKey).collect(Collectors.toSet());

        assertThat(registered).as("Javalin's route table is read")
                .contains("GET /instances/{id}", "DELETE /instances", "POST /users/{id}/secret",
                        "PATCH /elements/{keyOrId}/instances/{id}", "POST /organizations",
                        "GET /hubs/{hub}/<path>", "DELETE /hubs/{hub}/<path>", "GET /<path>", "DELETE /<path>");
        List<String> missing = registered.stream()
                .filter(route -> !covered.contains(route) && !IsolationCases.NOT_TENANT_SCOPED.containsKey(route))
                .toList();
        assertThat(missing)
                .as("routes without a case in IsolationCases.CASES: add one for each (or, for a route that touches"
                        + " no organization's instances or users, an entry with the reason in NOT_TENANT_SCOPED)")
                .isEmpty();
    }

    @Test
    void everyCaseAndExceptionIsARegisteredRoute() {
        Set<String> registered = tenantScopedRoutes();

        assertThat(IsolationCases.CASES).extracting(Case::routeKey).as("cases of routes that no longer exist")
                .allMatch(registered::contains);
        assertThat(IsolationCases.NOT_TENANT_SCOPED.keySet()).as("exceptions for routes that no longer exist")
                .allMatch(registered::contains);
        assertThat(IsolationCases.CASES).extracting(Case::routeKey).as("a route is either checked or excepted")
                .noneMatch(IsolationCases.NOT_TENANT_SCOPED::containsKey);
    }

    // ---- Another organization ---------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> anotherOrganizationGets404AndChangesNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Tenant[] pair : new Tenant[][] {{second, first}, {first, second}}) {
            Tenant caller = pair[0];
            Tenant victim = pair[1];
            Aim aim = new Aim(victim.instances().get(0), victim.users(), victim.member().email());
            for (TestUser as : caller.users()) {
                for (Case c : IsolationCases.CASES) {
                    for (String element : elementReferences(c)) {
                        for (TestUser user : c.target() == Target.USER_ID ? aim.users() : List.of(as)) {
                            String name = caller.label() + " " + caller.role(as) + " -> " + victim.label() + ": " + c
                                    + (element == null ? "" : " [" + element + "]")
                                    + (c.target() == Target.USER_ID ? " [" + victim.role(user) + "]" : "");
                            tests.add(DynamicTest.dynamicTest(name,
                                    () -> checkIsolated(c, caller, as, victim, aim, element, user)));
                        }
                    }
                }
            }
        }
        return tests.stream();
    }

    private void checkIsolated(Case c, Tenant caller, TestUser as, Tenant victim, Aim aim, String element,
            TestUser targetUser) {
        String before = snapshot(victim);
        Ids victimIds = idsOf(victim);
        int exchanges = server.provider.exchanges();
        int renewals = server.provider.renewals();
        int hubCalls = server.provider.hubCalls();
        if (c.body() != null && c.body().equals(IsolationCases.PROVISIONING)) {
            // Should core provision anew, the provider accepts the repeated code; the instance must be the caller's.
            server.provider.accept(aim.instance().code(), "provider-" + aim.instance().code());
        }

        TestResponse response = send(c, as.authorization(), aim, element, targetUser,
                "unaccepted-code-" + fresh.incrementAndGet());

        switch (c.outcome()) {
            case NOT_FOUND -> {
                assertThat(response.status()).as(response.body()).isEqualTo(404);
                assertThat(response.json().path("requestId").asText()).isEqualTo(response.requestId());
                assertThat(server.provider.exchanges()).as("the provider was not asked").isEqualTo(exchanges);
                assertThat(server.provider.renewals()).as("nothing was renewed").isEqualTo(renewals);
                if (c.target() == Target.INSTANCE_TOKEN) {
                    assertThat(response.message()).as("a token's 404 names no id")
                            .doesNotContainPattern("\\b" + aim.instance().id() + "\\b");
                }
            }
            case UNAUTHENTICATED -> {
                assertThat(response.status()).as(response.body()).isEqualTo(401);
                assertThat(response.json().path("requestId").asText()).isEqualTo(response.requestId());
                assertThat(server.provider.hubCalls()).as("the provider was not called").isEqualTo(hubCalls);
                assertThat(server.provider.renewals()).as("nothing was renewed").isEqualTo(renewals);
                assertThat(response.header(HubRoutes.INSTANCE_ID)).as("the instance is not named").isNull();
                assertThat(response.message()).as("a token's refusal names no id")
                        .doesNotContainPattern("\\b" + aim.instance().id() + "\\b");
            }
            case LISTS_OWN -> {
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                assertThat(response.json().isArray()).isTrue();
                assertThat(idsIn(response.json())).as("none of the other organization's")
                        .doesNotContainAnyElementsOf(c.route().contains("users") ? victimIds.users() : victimIds.instances());
            }
            case CREATES_OWN -> assertCreatedOwn(response, as, victimIds);
            case CREATES_OWN_IF_ADMINISTRATOR -> {
                if (as.equals(caller.administrator())) {
                    assertCreatedOwn(response, as, victimIds);
                } else {
                    assertThat(response.status()).as(response.body()).isEqualTo(403);
                }
            }
        }
        assertThat(snapshot(victim)).as("the other organization's data after the request").isEqualTo(before);
    }

    private void assertCreatedOwn(TestResponse response, TestUser as, Ids victimIds) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        long created = response.json().path("id").asLong();
        boolean user = response.json().has("emailAddress");
        assertThat(user ? victimIds.users() : victimIds.instances()).as("not the other organization's")
                .doesNotContain(created);
        String own = (user ? USERS : INSTANCES) + "/" + created;
        assertThat(server.get(own, as.authorization()).status()).as("the caller's own").isEqualTo(200);
    }

    // ---- The owner ----------------------------------------------------------------------------

    /** The same requests by the owner, on fresh instances and users of its own, succeed: every case is well-formed. */
    @TestFactory
    Stream<DynamicTest> theOwnerSucceedsWithTheSameRequests() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : IsolationCases.CASES) {
            for (String element : elementReferences(c)) {
                tests.add(DynamicTest.dynamicTest("A administrator -> A: " + c
                        + (element == null ? "" : " [" + element + "]"), () -> checkOwnerSucceeds(c, element)));
            }
        }
        return tests.stream();
    }

    private void checkOwnerSucceeds(Case c, String element) {
        TestUser owner = first.administrator();
        TestUser newUser = server.member(first.organization(), "fresh-" + fresh.incrementAndGet() + "@acme.example");
        Provisioned instance = c.target() == Target.NONE ? first.instances().get(0) : provisionFresh(owner);
        Aim aim = new Aim(instance, List.of(newUser), "fresh-" + fresh.incrementAndGet() + "@acme.example");

        TestResponse response = send(c, owner.authorization(), aim, element, newUser, server.acceptedCode());

        assertThat(response.status()).as(response.body()).isEqualTo(c.ownerStatus());
        if (c.outcome() == Outcome.LISTS_OWN) {
            Set<Long> expected = c.route().contains("users")
                    ? Set.of(owner.id(), first.member().id())
                    : Set.of(first.instances().get(0).id());
            assertThat(idsIn(response.json())).containsAll(expected);
        }
    }

    private Provisioned provisionFresh(TestUser owner) {
        JsonNode created = server.provision(owner.authorization(), "Fresh", List.of("fresh"));
        return new Provisioned(created.path("id").asLong(), created.path("token").asText(), null, null, null);
    }

    // ---- Requests and snapshots -------------------------------------------------------------

    private static List<String> elementReferences(Case c) {
        List<String> references = new ArrayList<>();
        if (c.route().contains("{keyOrId}")) {
            references.addAll(ELEMENT_REFERENCES);
        } else {
            references.add(null);
        }
        return references;
    }

    /** Fills in a case's route and body for what it aims at, and sends it. */
    private TestResponse send(Case c, String authorization, Aim aim, String element, TestUser targetUser,
            String code) {
        long id = c.target() == Target.USER_ID ? targetUser.id() : aim.instance().id();
        String path = ApiServer.BASE + c.route()
                .replace("{keyOrId}", element == null ? "" : element)
                .replace("{hub}", HUB)
                .replace("{objectName}", ScriptedElementProvider.ITEM)
                .replace("<path>", c.resource() == null ? "" : c.resource())
                .replace("{configId}", Long.toString(paginationEntry))
                .replace("{eventId}", RecordingEvents.PARKED_EVERYWHERE.value())
                .replace("{id}", Long.toString(id));
        String headerValue = c.target() == Target.INSTANCE_TOKEN
                ? ApiServer.withToken(authorization, aim.instance().token())
                : authorization;
        String body = c.body();
        String idempotencyKey = null;
        if (IsolationCases.PROVISIONING.equals(body)) {
            body = aim.instance().body();
            idempotencyKey = aim.instance().idempotencyKey();
        } else if (body != null) {
            body = body.replace("{code}", code).replace("{email}", aim.email());
        }
        return send(c.method(), path, headerValue, body, idempotencyKey);
    }

    private TestResponse send(String method, String path, String authorization, String body,
            String idempotencyKey) {
        return server.as(authorization).withHeader(InstanceRoutes.IDEMPOTENCY_KEY, idempotencyKey)
                .send(method, path, body == null ? null : "application/json", body);
    }

    /**
     * Everything of an organization a request could change, as its own users see it: every
     * instance, the configuration of the two made for the matrix, whether their tokens still
     * work, every user, and whether each user's secret still works.
     */
    private String snapshot(Tenant tenant) {
        String administrator = tenant.administrator().authorization();
        StringBuilder snapshot = new StringBuilder();
        snapshot.append(server.get(INSTANCES + "?pageSize=500", administrator).body()).append('\n');
        for (Provisioned instance : tenant.instances()) {
            snapshot.append(server.get(INSTANCES + "/" + instance.id() + "/configuration", administrator).body())
                    .append('\n');
            TestResponse byToken = server.get(INSTANCES, ApiServer.withToken(administrator, instance.token()));
            snapshot.append(byToken.status()).append(' ').append(byToken.body()).append('\n');
        }
        snapshot.append(server.get(USERS, administrator).body()).append('\n');
        for (TestUser user : tenant.users()) {
            snapshot.append(user.id()).append(": ")
                    .append(server.get(USERS + "/" + user.id(), user.authorization()).status()).append('\n');
        }
        return snapshot.toString();
    }

    /** Instance and user ids come from separate sequences, so they are kept apart. */
    record Ids(Set<Long> instances, Set<Long> users) {
    }

    /** The ids of every instance and user of an organization. */
    private Ids idsOf(Tenant tenant) {
        return new Ids(idsIn(server.get(INSTANCES + "?pageSize=500", tenant.administrator().authorization()).json()),
                idsIn(server.get(USERS, tenant.administrator().authorization()).json()));
    }

    private static Set<Long> idsIn(JsonNode array) {
        Set<Long> ids = new HashSet<>();
        for (JsonNode item : array) {
            ids.add(item.path("id").asLong());
        }
        return ids;
    }
}
