package dev.elements.http;

import static dev.elements.http.ApiServer.INSTANCES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.elements.core.hub.HubCall;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.testing.LogCapture;
import dev.elements.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /hubs/{hub}/<path>} on a real server, the scripted element playing the provider. */
class HubRoutesTest {
    private static final String HUBS = ApiServer.BASE + "/hubs";
    /** The scripted element's hub; any other name must do as well. */
    private static final String HUB = HUBS + "/testing";

    private final ApiServer server = ApiServer.start();
    private JsonNode instance;
    private String token;

    @BeforeEach
    void provision() {
        instance = server.provision(server.auth(), "Hub", List.of("hub"));
        token = instance.path("token").asText();
        server.provider.items(IntStream.rangeClosed(1, 10).mapToObj(i -> "{\"n\":" + i + "}").toList());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long id() {
        return instance.path("id").asLong();
    }

    private static String element(String elementToken) {
        return "Element " + elementToken;
    }

    private TestResponse hub(String pathAndQuery) {
        return server.get(HUB + "/" + pathAndQuery, element(token));
    }

    private long configurationId(String key) {
        JsonNode configuration = server.get(INSTANCES + "/" + id() + "/configuration", server.auth()).json();
        return InstanceLifecycleTest.entry(configuration, key).path("id").asLong();
    }

    private void configure(String key, String value) {
        TestResponse patched = server.patch(INSTANCES + "/" + id() + "/configuration/" + configurationId(key),
                server.auth(), "{\"propertyValue\": \"" + value + "\"}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    }

    private static List<Integer> numbers(TestResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Integer> numbers = new ArrayList<>();
        response.json().forEach(item -> numbers.add(item.path("n").asInt()));
        return numbers;
    }

    // ---- Routing --------------------------------------------------------------------------

    @Test
    void theHubSegmentIsIgnoredAndTheTokenDecides() {
        TestResponse named = hub("me");
        TestResponse other = server.get(HUBS + "/anything/me", element(token));

        assertThat(named.status()).as(named.body()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body()).isEqualTo(named.body());
        assertThat(named.header(HubRoutes.INSTANCE_ID)).isEqualTo(Long.toString(id()));
        assertThat(other.header(HubRoutes.INSTANCE_ID)).isEqualTo(Long.toString(id()));
        assertThat(named.header(HubRoutes.RETURNED_COUNT)).isEqualTo("1");
        assertThat(named.header(HubRoutes.NEXT_PAGE_TOKEN)).isNull();
        ApiServer.assertJsonContentType(named);
    }

    @Test
    void theResourcePathSpansSlashes() {
        TestResponse one = hub("items/42");
        TestResponse literal = hub("items/special");

        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().path("path").asText()).isEqualTo("items/{id}");
        assertThat(one.json().path("id").asText()).isEqualTo("42");
        assertThat(literal.json().path("path").asText()).isEqualTo("items/special");
    }

    @Test
    void pathSegmentsAreDecodedButMayNotHideSlashesOrClimb() {
        TestResponse spaced = hub("items/a%20b");

        assertThat(spaced.json().path("id").asText()).isEqualTo("a b");
        for (String path : List.of("items%2F42", "items/4%2f2", "items/..", "items/%2e%2e", "items/.", "../me")) {
            TestResponse refused = hub(path);
            assertThat(refused.status()).as(path + " " + refused.body()).isEqualTo(400);
        }
        assertThat(server.provider.hubCalls()).isEqualTo(1);
    }

    @Test
    void theProvidersBodyIsPassedOnAsItCame() {
        configure("filter.response.nulls", "false");

        TestResponse response = hub("me");

        assertThat(response.body()).isEqualTo("{\"path\":\"me\",\"id\":\"me\",\"nothing\":null,\"accessToken\":\"sent\"}");
    }

    @Test
    void everyQueryParameterReachesTheProviderWithAllItsValues() {
        // All but where, which the platform parses (see WhereQueriesTest).
        TestResponse response = hub("me?fields=id&fields=name&q=a%20%3D%20%27b%27");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        HubCall call = server.provider.seenHubCalls().get(0);
        assertThat(call.query().get("fields")).containsExactly("id", "name");
        assertThat(call.query().get("q")).containsExactly("a = 'b'");
    }

    // ---- Who may call -----------------------------------------------------------------------

    @Test
    void aMissingOrUnknownElementTokenIs401() {
        TestResponse none = server.get(HUB + "/me", null);
        TestResponse withoutToken = server.get(HUB + "/me", server.auth());
        TestResponse unknown = server.get(HUB + "/me", element("not-a-token-of-anyone"));
        TestResponse malformed = server.get(HUB + "/me", "Element");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().path("requestId").asText()).isEqualTo(none.requestId());
        assertThat(withoutToken.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(malformed.status()).isEqualTo(401);
        assertThat(server.provider.hubCalls()).isZero();
    }

    @Test
    void userAndOrganizationWhenSentMustBeTheInstancesOrganizations() {
        String other = server.otherOrganization();

        TestResponse foreign = server.get(HUB + "/me", ApiServer.withToken(other, token));
        TestResponse own = server.get(HUB + "/me", ApiServer.withToken(server.auth(), token));
        TestResponse wrongSecret = server.get(HUB + "/me",
                ApiServer.withToken("User wrong, Organization wrong", token));

        assertThat(foreign.status()).as(foreign.body()).isEqualTo(401);
        assertThat(foreign.message()).doesNotContain(Long.toString(id()));
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(server.provider.hubCalls()).isEqualTo(1);
    }

    @Test
    void aDisabledInstanceIs403() {
        assertThat(server.delete(INSTANCES + "/" + id() + "/enabled", server.auth()).status()).isEqualTo(200);

        TestResponse response = hub("me");

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(server.provider.hubCalls()).isZero();
    }

    // ---- Resources and verbs ----------------------------------------------------------------

    @Test
    void anUnknownResourceIs404AndAWrongVerb405() {
        TestResponse unknown = hub("nothing/here");
        TestResponse wrongVerb = server.delete(HUB + "/me", element(token));
        TestResponse put = server.put(HUB + "/items", element(token), "{}");

        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(wrongVerb.status()).as(wrongVerb.body()).isEqualTo(405);
        assertThat(put.status()).as(put.body()).isEqualTo(405);
        assertThat(put.message()).contains("GET").contains("POST");
        assertThat(server.provider.hubCalls()).isZero();
    }

    @Test
    void everyVerbIsRouted() {
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            TestResponse response = server.send(method, HUB + "/nothing", element(token), null);
            assertThat(response.status()).as(method + " " + response.body()).isEqualTo(404);
            assertThat(response.message()).as(method).contains("No hub resource");
        }
    }

    // ---- Bodies -----------------------------------------------------------------------------

    @Test
    void aJsonBodyReachesTheProviderUnchanged() {
        String body = "{ \"message\" :  \"hello\",\n \"n\": 1.50 }";

        TestResponse response = server.postJson(HUB + "/items", element(token), body);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(new String(server.provider.seenHubCalls().get(0).body(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void aBodyIsOptional() {
        TestResponse response = server.send("POST", HUB + "/items", element(token), null);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(server.provider.seenHubCalls().get(0).body()).isEmpty();
    }

    @Test
    void aBodyMustBeJsonAndFitTheLimit() {
        TestResponse text = server.post(HUB + "/items", element(token), "text/plain", "hello");
        TestResponse untyped = server.post(HUB + "/items", element(token), null, "{}");
        TestResponse broken = server.postJson(HUB + "/items", element(token), "{\"said\": \"private");
        TestResponse large = server.postJson(HUB + "/items", element(token),
                "{\"message\": \"" + "x".repeat((int) HttpApiSettings.defaults().maxBodyBytes()) + "\"}");

        assertThat(text.status()).isEqualTo(415);
        assertThat(untyped.status()).isEqualTo(415);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).as("the refusal quotes nothing of the body").doesNotContain("private");
        assertThat(large.status()).isEqualTo(413);
        assertThat(server.provider.hubCalls()).isZero();
    }

    @Test
    void anAnonymousCallerIsRefusedBeforeItsBodyIsLookedAt() {
        TestResponse response = server.post(HUB + "/items", null, "text/plain", "hello");

        assertThat(response.status()).isEqualTo(401);
    }

    // ---- Pages ------------------------------------------------------------------------------

    @Test
    void pagesOneAndTwoOfSizeNAreTheFirstPageOfSize2N() {
        TestResponse first = hub("items?page=1&pageSize=3");
        TestResponse second = hub("items?page=2&pageSize=3");
        TestResponse both = hub("items?page=1&pageSize=6");

        List<Integer> joined = new ArrayList<>(numbers(first));
        joined.addAll(numbers(second));
        assertThat(joined).isEqualTo(numbers(both)).containsExactly(1, 2, 3, 4, 5, 6);
        ArrayNode concatenated = TestResponse.JSON.createArrayNode().addAll((ArrayNode) first.json())
                .addAll((ArrayNode) second.json());
        assertThat(concatenated).isEqualTo(both.json());
        assertThat(first.header(HubRoutes.RETURNED_COUNT)).isEqualTo("3");
        assertThat(both.header(HubRoutes.RETURNED_COUNT)).isEqualTo("6");
        assertThat(first.header(HubRoutes.NEXT_PAGE_TOKEN)).isNotBlank();
    }

    @Test
    void theNextPageTokenLeadsToTheNextItems() {
        TestResponse first = hub("items?pageSize=4");
        String next = first.header(HubRoutes.NEXT_PAGE_TOKEN);

        TestResponse second = hub("items?nextPage=" + next);
        TestResponse third = hub("items?nextPage=" + second.header(HubRoutes.NEXT_PAGE_TOKEN));

        assertThat(numbers(first)).containsExactly(1, 2, 3, 4);
        assertThat(numbers(second)).containsExactly(5, 6, 7, 8);
        assertThat(numbers(third)).containsExactly(9, 10);
        assertThat(third.header(HubRoutes.NEXT_PAGE_TOKEN)).as("the last page").isNull();
        assertThat(next).doesNotContain("access");
    }

    @Test
    void aTamperedOrForeignPageTokenIs400() {
        String next = hub("items?pageSize=4").header(HubRoutes.NEXT_PAGE_TOKEN);
        char[] altered = next.toCharArray();
        int middle = altered.length / 2;
        altered[middle] = altered[middle] == 'A' ? 'B' : 'A';
        JsonNode other = server.provision(server.auth(), "Other", List.of());
        String foreign = server.get(HUB + "/items?pageSize=4", element(other.path("token").asText()))
                .header(HubRoutes.NEXT_PAGE_TOKEN);
        int calls = server.provider.hubCalls();

        TestResponse tampered = hub("items?nextPage=" + new String(altered));
        TestResponse garbage = hub("items?nextPage=not-a-token");
        TestResponse ofAnotherInstance = hub("items?nextPage=" + foreign);

        assertThat(tampered.status()).as(tampered.body()).isEqualTo(400);
        assertThat(tampered.message()).contains("nextPage");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(ofAnotherInstance.status()).as(ofAnotherInstance.body()).isEqualTo(400);
        assertThat(server.provider.hubCalls()).isEqualTo(calls);
    }

    @Test
    void aPageSizeAbovePaginationMaxIsCapped() {
        configure("pagination.max", "4");

        TestResponse response = hub("items?pageSize=50");

        assertThat(numbers(response)).containsExactly(1, 2, 3, 4);
        assertThat(response.header(HubRoutes.RETURNED_COUNT)).isEqualTo("4");
        assertThat(server.provider.seenHubCalls().get(0).page().limit()).isEqualTo(4);
    }

    @Test
    void badPageParametersAre400() {
        assertThat(hub("items?pageSize=0").status()).isEqualTo(400);
        assertThat(hub("items?page=first").status()).isEqualTo(400);
    }

    // ---- Nulls ------------------------------------------------------------------------------

    @Test
    void nullsAreRemovedUnlessTheInstanceKeepsThem() {
        TestResponse filtered = hub("me");
        configure("filter.response.nulls", "false");
        TestResponse kept = hub("me");

        assertThat(filtered.json().has("nothing")).isFalse();
        assertThat(filtered.json().path("path").asText()).isEqualTo("me");
        assertThat(kept.json().has("nothing")).isTrue();
        assertThat(kept.json().get("nothing").isNull()).isTrue();
    }

    // ---- The provider's refusals ------------------------------------------------------------

    @Test
    void aRejectedProviderTokenIs401AndTheInstanceNeedsReauthorization() {
        server.provider.failNext(ProviderErrorClass.INVALID_TOKEN, "Error validating access token: Session expired");

        TestResponse response = hub("me");

        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.json().path("providerMessage").asText())
                .isEqualTo("Error validating access token: Session expired");
        JsonNode after = server.get(INSTANCES + "/" + id(), server.auth()).json();
        assertThat(after.path("status").asText()).isEqualTo("NEEDS_REAUTH");
        assertThat(after.path("valid").asBoolean()).isFalse();
        int calls = server.provider.hubCalls();
        assertThat(hub("me").status()).isEqualTo(401);
        assertThat(server.provider.hubCalls()).as("no call with a token known to be rejected").isEqualTo(calls);
    }

    @Test
    void aProviderRateLimitIs429WithRetryAfter() {
        server.provider.failNext(ProviderErrorClass.RATE_LIMITED, "(#4) Application request limit reached");

        TestResponse response = hub("me");

        assertThat(response.status()).as(response.body()).isEqualTo(429);
        assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
        assertThat(response.json().path("providerMessage").asText()).isEqualTo("(#4) Application request limit reached");
    }

    @Test
    void aPassingFailureOfAGetIsRetriedThenIs502() {
        server.provider.failNext(ProviderErrorClass.TRANSIENT, "Please retry");

        TestResponse recovered = hub("me");

        assertThat(recovered.status()).as(recovered.body()).isEqualTo(200);
        assertThat(server.provider.hubCalls()).isEqualTo(2);

        for (int i = 0; i < 3; i++) {
            server.provider.failNext(ProviderErrorClass.TRANSIENT, "An unexpected error has occurred");
        }

        TestResponse failed = hub("me");

        assertThat(failed.status()).as(failed.body()).isEqualTo(502);
        assertThat(failed.json().path("providerMessage").asText()).isEqualTo("An unexpected error has occurred");
        assertThat(server.provider.hubCalls()).as("three attempts").isEqualTo(5);
    }

    @Test
    void aPassingFailureOfAPostIsNotRetried() {
        server.provider.failNext(ProviderErrorClass.TRANSIENT, "An unexpected error has occurred");

        TestResponse failed = server.postJson(HUB + "/items", element(token), "{}");

        assertThat(failed.status()).isEqualTo(502);
        assertThat(server.provider.hubCalls()).isEqualTo(1);
    }

    @Test
    void aProviderTimeoutIs504() {
        server.provider.failNext(ProviderErrorClass.TIMEOUT, "timed out");

        TestResponse response = hub("me");

        assertThat(response.status()).as(response.body()).isEqualTo(504);
    }

    @Test
    void aNearlyExhaustedBudgetHoldsTheNextCallBackBeforeTheProvider() {
        server.provider.reportUsage(97);
        assertThat(hub("me").status()).isEqualTo(200);
        int calls = server.provider.hubCalls();

        TestResponse held = hub("me");

        assertThat(held.status()).as(held.body()).isEqualTo(429);
        assertThat(Long.parseLong(held.header("Retry-After"))).isPositive();
        assertThat(server.provider.hubCalls()).as("the provider was not called").isEqualTo(calls);
    }

    // ---- Logs -------------------------------------------------------------------------------

    @Test
    void noTokenQueryOrBodyIsLogged() {
        String querySecret = "query-secret-" + System.nanoTime();
        String bodySecret = "body-secret-" + System.nanoTime();
        try (LogCapture logs = new LogCapture()) {
            String path = HUB + "/items?fields=" + querySecret;
            String body = "{\"message\": \"" + bodySecret + "\"}";
            String authorization = ApiServer.withToken(server.auth(), token);
            assertThat(server.postJson(path, authorization, body).status()).isEqualTo(200);
            server.provider.failNext(ProviderErrorClass.TRANSIENT, "failing");
            assertThat(server.postJson(path, authorization, body).status()).isEqualTo(502);
            assertThat(server.get(HUB + "/nothing?fields=" + querySecret, element(token)).status()).isEqualTo(404);

            assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(token)
                    || line.contains(querySecret) || line.contains(bodySecret)
                    || line.contains(server.userSecret) || line.contains(server.organizationSecret));
        }
    }
}
