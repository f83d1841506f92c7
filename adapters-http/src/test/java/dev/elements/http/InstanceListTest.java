package dev.elements.http;

import static dev.elements.http.ApiServer.INSTANCES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /instances}: the tag filter, pages and {@code Elements-Total-Count}. */
class InstanceListTest {
    private final ApiServer server = ApiServer.start();
    private final List<Long> ids = new ArrayList<>();

    @BeforeEach
    void provision() {
        ids.add(server.provision(server.auth(), "One", List.of("red", "round")).path("id").asLong());
        ids.add(server.provision(server.auth(), "Two", List.of("red")).path("id").asLong());
        ids.add(server.provision(server.auth(), "Three", List.of("blue", "round")).path("id").asLong());
        ids.add(server.provision(server.auth(), "Four", List.of()).path("id").asLong());
        ids.add(server.provision(server.auth(), "Five", List.of("red", "round")).path("id").asLong());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsEveryInstanceOldestFirstWithTheTotalCount() {
        TestResponse response = server.get(INSTANCES, server.auth());

        assertThat(response.status()).isEqualTo(200);
        ApiServer.assertJsonContentType(response);
        assertThat(ApiServer.idsOf(response)).isEqualTo(ids);
        assertThat(response.header("Elements-Total-Count")).isEqualTo("5");
        assertThat(response.header("Elements-Returned-Count")).isEqualTo("5");
        JsonNode first = response.json().get(0);
        assertThat(first.path("name").asText()).isEqualTo("One");
        assertThat(first.path("token").asText()).isEqualTo("********");
        assertThat(first.path("configuration").path("oauth.api.secret").asText()).isEqualTo("********");
        assertThat(response.body()).doesNotContain("app-secret-value");
    }

    @Test
    void tagsFilterKeepsInstancesWithEveryTag() {
        TestResponse red = server.get(INSTANCES + "?tags[]=red", server.auth());
        TestResponse redAndRound = server.get(INSTANCES + "?tags%5B%5D=red&tags%5B%5D=round", server.auth());
        TestResponse plain = server.get(INSTANCES + "?tags=round", server.auth());
        TestResponse none = server.get(INSTANCES + "?tags[]=green", server.auth());

        assertThat(ApiServer.idsOf(red)).containsExactly(ids.get(0), ids.get(1), ids.get(4));
        assertThat(red.header("Elements-Total-Count")).isEqualTo("3");
        assertThat(ApiServer.idsOf(redAndRound)).containsExactly(ids.get(0), ids.get(4));
        assertThat(ApiServer.idsOf(plain)).containsExactly(ids.get(0), ids.get(2), ids.get(4));
        assertThat(ApiServer.idsOf(none)).isEmpty();
        assertThat(none.header("Elements-Total-Count")).isEqualTo("0");
    }

    @Test
    void pagesAreOneBasedAndTheTotalCountsEveryPage() {
        TestResponse first = server.get(INSTANCES + "?page=1&pageSize=2", server.auth());
        TestResponse third = server.get(INSTANCES + "?page=3&pageSize=2", server.auth());
        TestResponse beyond = server.get(INSTANCES + "?page=4&pageSize=2", server.auth());
        TestResponse filtered = server.get(INSTANCES + "?tags[]=red&page=2&pageSize=2", server.auth());

        assertThat(ApiServer.idsOf(first)).containsExactly(ids.get(0), ids.get(1));
        assertThat(first.header("Elements-Total-Count")).isEqualTo("5");
        assertThat(first.header("Elements-Returned-Count")).isEqualTo("2");
        assertThat(ApiServer.idsOf(third)).containsExactly(ids.get(4));
        assertThat(ApiServer.idsOf(beyond)).isEmpty();
        assertThat(beyond.header("Elements-Total-Count")).isEqualTo("5");
        assertThat(ApiServer.idsOf(filtered)).containsExactly(ids.get(4));
        assertThat(filtered.header("Elements-Total-Count")).isEqualTo("3");
    }

    @Test
    void badPageOrPageSizeIs400NamingIt() {
        TestResponse words = server.get(INSTANCES + "?page=one&pageSize=many", server.auth());
        TestResponse zero = server.get(INSTANCES + "?page=0", server.auth());
        TestResponse tooLarge = server.get(INSTANCES + "?pageSize=501", server.auth());
        TestResponse negative = server.get(INSTANCES + "?pageSize=-3", server.auth());
        TestResponse overflow = server.get(INSTANCES + "?page=99999999999", server.auth());

        assertThat(words.status()).isEqualTo(400);
        assertThat(words.message()).contains("page must be a whole number").contains("pageSize must be a whole number")
                .doesNotContain("one").doesNotContain("many");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.message()).contains("page");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.message()).contains("pageSize");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.message()).contains("pageSize");
        assertThat(overflow.status()).isEqualTo(400);
        assertThat(overflow.message()).contains("page");
    }

    @Test
    void anElementTokenMakesGetInstancesThatOneInstance() {
        JsonNode tokened = server.provision(server.auth(), "Tokened", List.of("red"));

        TestResponse response = server.get(INSTANCES + "?tags[]=blue",
                ApiServer.withToken(server.auth(), tokened.path("token").asText()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().isObject()).isTrue();
        assertThat(response.json().path("id").asLong()).isEqualTo(tokened.path("id").asLong());
        assertThat(response.header("Elements-Total-Count")).isNull();
    }

    @Test
    void anotherOrganizationSeesNoneOfThem() {
        String other = server.otherOrganization();

        TestResponse response = server.get(INSTANCES + "?tags[]=red", other);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEmpty();
        assertThat(response.header("Elements-Total-Count")).isEqualTo("0");
    }

    @Test
    void listingNeedsUserAndOrganization() {
        assertThat(server.get(INSTANCES, null).status()).isEqualTo(401);
        assertThat(server.get(INSTANCES, "User " + server.userSecret).status()).isEqualTo(401);
    }
}
