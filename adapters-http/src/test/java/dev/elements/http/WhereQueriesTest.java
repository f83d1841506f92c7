package dev.elements.http;

import static dev.elements.http.ApiServer.INSTANCES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.hub.HubCall;
import dev.elements.core.query.Comparison;
import dev.elements.core.query.Operator;
import dev.elements.core.query.Value;
import dev.elements.testing.TestResponse;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code where} (Cloud Elements' CEQL) and {@code searchText} over a real server: on
 * {@code /instances}, {@code /organizations/users} and hub calls, with the URL encoding Cloud
 * Elements' own curl examples use.
 */
class WhereQueriesTest {
    private static final String ORGANIZATION_USERS = ApiServer.BASE + "/organizations/users";

    private final ApiServer server = ApiServer.start();
    private final List<Long> ids = new ArrayList<>();

    @BeforeEach
    void provision() {
        ids.add(server.provision(server.auth(), "Alpha page", List.of("red", "team-a")).path("id").asLong());
        ids.add(server.provision(server.auth(), "Beta", List.of("red")).path("id").asLong());
        ids.add(server.provision(server.auth(), "O'Brien's", List.of("blue")).path("id").asLong());
        server.provision(server.otherOrganization(), "Beta", List.of("red"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String where(String ceql) {
        return "where=" + URLEncoder.encode(ceql, StandardCharsets.UTF_8);
    }

    private TestResponse instances(String query) {
        return server.get(INSTANCES + "?" + query, server.auth());
    }

    @Test
    void filtersInstancesByWhereWithPagesAndTheFilteredTotal() {
        TestResponse red = instances(where("tags = 'red' and name != 'Beta'"));
        TestResponse either = instances(where("name = 'Beta' OR name like '%''Brien%'"));
        TestResponse secondPage = instances(where("tags in ('red', 'blue')") + "&page=2&pageSize=2");
        TestResponse byId = instances(where("id >= " + ids.get(1) + " and disabled = false"));
        TestResponse created = instances(where("createdDate > '2000-01-01' and status = 'ACTIVE'"));

        assertThat(ApiServer.idsOf(red)).containsExactly(ids.get(0));
        assertThat(red.header("Elements-Total-Count")).isEqualTo("1");
        assertThat(ApiServer.idsOf(either)).containsExactly(ids.get(1), ids.get(2));
        assertThat(ApiServer.idsOf(secondPage)).containsExactly(ids.get(2));
        assertThat(secondPage.header("Elements-Total-Count")).isEqualTo("3");
        assertThat(ApiServer.idsOf(byId)).containsExactly(ids.get(1), ids.get(2));
        assertThat(ApiServer.idsOf(created)).isEqualTo(ids);
    }

    @Test
    void searchTextFindsNameOrTagIgnoringCase() {
        assertThat(ApiServer.idsOf(instances("searchText=PAGE"))).containsExactly(ids.get(0));
        assertThat(ApiServer.idsOf(instances("searchText=Blu"))).containsExactly(ids.get(2));
        assertThat(ApiServer.idsOf(instances("searchText=e&" + where("tags = 'red'"))))
                .containsExactly(ids.get(0), ids.get(1));
    }

    @Test
    void aBadQueryIsA400PointingAtThePosition() {
        TestResponse syntax = instances(where("name = 'Beta' and tags"));
        TestResponse unknown = instances(where("owner = 'x'"));
        TestResponse type = instances(where("disabled = 'yes'"));
        TestResponse date = instances(where("createdDate > 'yesterday'"));

        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.message()).isEqualTo("where: at position 23: expected like, in, =, !=, <=, >=, < or >,"
                + " found the end of the query");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.message()).isEqualTo("where: unknown field 'owner'; /instances can be filtered by"
                + " createdDate, disabled, id, name, status, tags");
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.message()).isEqualTo("where: disabled takes true or false, not '?yes?'");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.message()).startsWith("where: createdDate takes an ISO-8601 date");
    }

    @Test
    void filtersTheOrganizationsUsers() {
        TestResponse added = server.postJson(ORGANIZATION_USERS, server.auth(),
                "{\"emailAddress\": \"max@example.com\", \"firstName\": \"Max\", \"lastName\": \"Member\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        server.patch(ApiServer.BASE + "/users/" + added.json().path("id").asLong(), server.auth(),
                "{\"active\": false}");

        TestResponse max = server.get(ORGANIZATION_USERS + "?" + where("firstName = 'Max' and lastName like 'Mem%'"),
                server.auth());
        TestResponse active = server.get(ORGANIZATION_USERS + "?" + where("active = true"), server.auth());
        TestResponse unknown = server.get(ORGANIZATION_USERS + "?" + where("role = 'org'"), server.auth());

        assertThat(max.status()).as(max.body()).isEqualTo(200);
        assertThat(max.json()).hasSize(1);
        assertThat(max.json().get(0).path("emailAddress").asText()).isEqualTo("max@example.com");
        assertThat(active.json()).isNotEmpty()
                .allSatisfy(user -> assertThat(user.path("active").asBoolean()).isTrue())
                .noneSatisfy(user -> assertThat(user.path("emailAddress").asText()).isEqualTo("max@example.com"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.message()).isEqualTo("where: unknown field 'role'; /organizations/users can be"
                + " filtered by active, emailAddress, firstName, lastName");
    }

    @Test
    void aHubCallHandsTheParsedWhereToTheElementAndNeverPassesItOn() {
        String token = server.provision(server.auth(), "Hub", List.of()).path("token").asText();
        server.provider.items(IntStream.rangeClosed(1, 3).mapToObj(i -> "{\"n\":" + i + "}").toList());
        String hub = ApiServer.BASE + "/hubs/testing/";

        TestResponse listed = server.get(hub + "items?" + where("n > 1") + "&fields=n", "Element " + token);
        TestResponse refused = server.get(hub + "me?" + where("n > 1"), "Element " + token);
        TestResponse malformed = server.get(hub + "items?" + where("n >"), "Element " + token);

        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        HubCall seen = server.provider.seenHubCalls().get(0);
        assertThat(seen.where()).isEqualTo(new Comparison("n", Operator.GREATER, new Value.Numeric(BigDecimal.ONE)));
        assertThat(seen.query()).containsOnlyKeys("fields");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).isEqualTo("where: element scripted: GET me cannot be filtered with where");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.message()).isEqualTo("where: at position 4: expected true, false, a 'quoted' text or"
                + " a number, found the end of the query");
        assertThat(server.provider.seenHubCalls()).hasSize(2);
    }
}
