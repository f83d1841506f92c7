package dev.elements.http;

import static dev.elements.http.ApiServer.BASE;
import static dev.elements.http.ApiServer.INSTANCES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.TestResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hub resources directly below the base path, without {@code /hubs/{hub}}, as Cloud Elements served
 * them (churros {@code src/test/platform/elements/instances.js}: {@code /hubs/crm/accounts} and
 * {@code /accounts} answer alike); the platform's own routes always win.
 */
class HubLessRoutesTest {
    private final ApiServer server = ApiServer.start();
    private String token;
    private long id;

    @BeforeEach
    void provision() {
        JsonNode instance = server.provision(server.auth(), "CRM", List.of());
        token = instance.path("token").asText();
        id = instance.path("id").asLong();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String element() {
        return "Element " + token;
    }

    @Test
    void everyHubResourceAndVerbIsReachableWithoutTheHubSegment() {
        TestResponse hubLess = server.get(BASE + "/me", element());
        TestResponse underHub = server.get(BASE + "/hubs/testing/me", element());
        TestResponse item = server.get(BASE + "/items/42/notes", element());
        TestResponse page = server.get(BASE + "/items?pageSize=1", element());
        TestResponse added = server.postJson(BASE + "/items", element(), "{\"message\": \"hello\"}");
        TestResponse head = server.send("HEAD", BASE + "/me", element(), null);

        assertThat(hubLess.status()).as(hubLess.body()).isEqualTo(200);
        assertThat(hubLess.body()).isEqualTo(underHub.body());
        assertThat(hubLess.header(HubRoutes.INSTANCE_ID)).isEqualTo(Long.toString(id));
        assertThat(item.status()).as(item.body()).isEqualTo(200);
        assertThat(item.json().path("id").asText()).isEqualTo("42");
        assertThat(page.status()).isEqualTo(200);
        TestResponse pageUnderHub = server.get(BASE + "/hubs/testing/items?pageSize=1", element());
        assertThat(page.body()).isEqualTo(pageUnderHub.body());
        assertThat(page.header(HubRoutes.RETURNED_COUNT)).isEqualTo(pageUnderHub.header(HubRoutes.RETURNED_COUNT));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(server.send("DELETE", BASE + "/items/1", element(), null).status())
                .as("a verb the element has no resource for, as under /hubs").isEqualTo(405);
    }

    @Test
    void hubLessCallsAreAuthenticatedLikeHubCalls() {
        TestResponse withoutToken = server.get(BASE + "/me", server.auth());
        assertThat(withoutToken.status()).as("without a token, no hub call: an unknown path").isEqualTo(404);
        assertThat(withoutToken.message()).startsWith("No route for GET");
        assertThat(server.get(BASE + "/me", "Element wrong-token").status()).isEqualTo(401);
        assertThat(server.get(BASE + "/me", ApiServer.withToken(server.otherOrganization(), token)).status())
                .isEqualTo(401);
        assertThat(server.get(BASE + "/me", ApiServer.withToken(server.auth(), token)).status()).isEqualTo(200);
    }

    @Test
    void thePlatformsRoutesWin() {
        int hubCalls = server.provider.hubCalls();

        TestResponse instance = server.get(INSTANCES, ApiServer.withToken(server.auth(), token));
        TestResponse users = server.get(BASE + "/users", element());

        assertThat(instance.status()).isEqualTo(200);
        assertThat(instance.json().path("id").asLong()).isEqualTo(id);
        assertThat(users.status()).as("the platform's route, which wants User and Organization").isEqualTo(401);
        assertThat(server.provider.hubCalls()).isEqualTo(hubCalls);
    }

    @Test
    void unknownPathsBelowThePlatformsSegmentsAre404Or405AsBefore() {
        int hubCalls = server.provider.hubCalls();
        String withToken = ApiServer.withToken(server.auth(), token);

        for (String path : List.of("/instances/" + id + "/unknown", "/users/1/unknown", "/hubs", "/events/facebook/unknown",
                "/docs", "/openapi.json", "/metrics", "/connect/x", "/objects/item/unknown", "/Instances/" + id + "/x", "/")) {
            TestResponse answer = server.get(BASE + path, withToken);
            assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(404);
            assertThat(answer.message()).startsWith("No route for GET");
        }
        TestResponse wrongVerb = server.send("POST", INSTANCES + "/" + id, withToken, "{}");
        assertThat(wrongVerb.status()).isEqualTo(405);
        assertThat(wrongVerb.header("Allow")).contains("GET", "PUT", "PATCH", "DELETE").doesNotContain("POST");
        assertThat(server.send("PUT", BASE + "/users", withToken, "{}").status()).isEqualTo(405);
        assertThat(server.provider.hubCalls()).as("no hub call").isEqualTo(hubCalls);
    }

    /**
     * The first segment of every route the platform declares below the base path is kept from the
     * hub-less routes, so a platform route added later cannot be shadowed by a hub resource.
     */
    @Test
    void everyDeclaredPlatformSegmentIsKeptFromHubResources() {
        Set<String> segments = new TreeSet<>();
        for (HttpApi.Route route : server.api.routes()) {
            if (route.path().startsWith(BASE + "/")) {
                String first = route.path().substring(BASE.length() + 1).split("/", 2)[0];
                if (!first.startsWith("<") && !first.startsWith("{")) {
                    segments.add(first);
                }
            }
        }
        assertThat(segments).contains("instances", "elements", "organizations", "users", "hubs", "health",
                "operator");
        int hubCalls = server.provider.hubCalls();

        for (String segment : segments) {
            // One segment more: below /hubs, two would be a hub call.
            TestResponse answer = server.get(BASE + "/" + segment + "/no-such-route", element());
            assertThat(answer.status()).as(segment + ": " + answer.body()).isIn(401, 404, 405);
            assertThat(answer.header(HubRoutes.INSTANCE_ID)).as(segment).isNull();
        }
        assertThat(server.provider.hubCalls()).isEqualTo(hubCalls);
        assertThat(HubRoutes.PLATFORM_SEGMENTS).containsAll(segments);
    }
}
