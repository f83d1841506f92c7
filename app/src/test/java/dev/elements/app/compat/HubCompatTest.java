package dev.elements.app.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.app.ElementsApi;
import dev.elements.facebook.fake.FakePost;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hub calls as Cloud Elements' clients make them: with and without the {@code /hubs/{hub}}
 * segment, the objects and their metadata, page and pageSize that agree with each other (churros'
 * {@code itPagination}), the paging headers, and CEQL the element can or cannot honour.
 */
class HubCompatTest {
    @RegisterExtension
    final CompatServer server = new CompatServer();
    private TestHttpClient hub;
    private long instanceId;

    @BeforeEach
    void provision() {
        TestResponse created = server.provisionAsTheSeedDoes("Hub");
        instanceId = created.json().path("id").asLong();
        // Churros sends all three, always.
        hub = server.withAuthorization("User " + CompatServer.USER_SECRET + ", Organization "
                + CompatServer.ORGANIZATION_SECRET + ", Element " + created.json().path("token").asText());
    }

    @Test
    void aResourceAnswersTheSameWithAndWithoutTheHubSegment() {
        TestResponse viaHub = hub.get("/hubs/social/user/me");
        TestResponse hubLess = hub.get("/user/me");
        TestResponse ping = hub.get("/ping");

        assertThat(hubLess.status()).as(hubLess.toString()).isEqualTo(200);
        assertThat(hubLess.json()).isEqualTo(viaHub.json());
        assertThat(ping.status()).as(ping.toString()).isEqualTo(200);
        TestResponse platformRoute = hub.get("/instances");
        assertThat(platformRoute.status()).as("a platform route wins over a resource").isEqualTo(200);
        assertThat(platformRoute.json().path("id").asLong()).isEqualTo(instanceId);
    }

    @Test
    void theObjectsAndTheirMetadataAnswer() {
        TestResponse objects = hub.get("/hubs/social/objects");
        assertThat(objects.status()).as(objects.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        objects.json().forEach(name -> names.add(name.asText()));
        assertThat(names).isNotEmpty();

        TestResponse metadata = hub.get("/objects/" + names.get(0) + "/metadata");
        assertThat(metadata.status()).as(metadata.toString()).isEqualTo(200);
        assertThat(metadata.json().path("fields")).isNotEmpty();
        assertThat(hub.get("/objects/nosuchobject/metadata").status()).isEqualTo(404);
    }

    @Test
    void pagesOfNAgreeWithOnePageOfTwoNAsChurrosChecks() {
        for (int i = 0; i < 6; i++) {
            server.facebook.addPost(server.ada, "Post " + i);
        }
        JsonNode first = hub.get("/hubs/social/user/me/status?page=1&pageSize=2").json();
        JsonNode second = hub.get("/hubs/social/user/me/status?page=2&pageSize=2").json();
        TestResponse both = hub.get("/hubs/social/user/me/status?page=1&pageSize=4");

        List<JsonNode> joined = new ArrayList<>();
        first.forEach(joined::add);
        second.forEach(joined::add);
        List<JsonNode> together = new ArrayList<>();
        both.json().forEach(together::add);
        assertThat(joined).isEqualTo(together);
        assertThat(both.header("Elements-Returned-Count")).isEqualTo("4");
        String next = both.header("Elements-Next-Page-Token");
        assertThat(next).isNotBlank();
        TestResponse rest = hub.get("/hubs/social/user/me/status?pageSize=4&nextPage=" + ElementsApi.encode(next));
        assertThat(rest.json()).hasSize(2);
    }

    @Test
    void aWhereTheElementCanHonourFiltersAndOneItCannotIsRefused() {
        FakePost old = server.facebook.addPost(server.ada, "Old news");
        server.facebook.advanceClock(java.time.Duration.ofDays(3));
        String since = java.time.Instant.now().plus(java.time.Duration.ofDays(2)).toString();
        FakePost fresh = server.facebook.addPost(server.ada, "Fresh news");

        TestResponse filtered = hub.get("/hubs/social/user/me/status?where="
                + ElementsApi.encode("created_time >= '" + since + "'"));
        TestResponse refused = hub.get("/hubs/social/user/me/status?where=" + ElementsApi.encode("message = 'x'"));

        assertThat(filtered.status()).as(filtered.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        filtered.json().forEach(post -> ids.add(post.path("id").asText()));
        assertThat(ids).contains(fresh.id()).doesNotContain(old.id());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("where");
    }

    @Test
    void theInstancesDocsAnswerWithItsToken() {
        TestResponse docs = server.platform().get("/instances/" + instanceId + "/docs");

        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        assertThat(docs.json().path("openapi").asText()).startsWith("3.");
    }
}
