package dev.elements.http;

import static dev.elements.http.ApiServer.INSTANCES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.core.testing.ScriptedElementProvider;
import dev.elements.testing.TestResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /elements/{keyOrId}/instances[/{id}]}: instance CRUD scoped to one element, by key and by id. */
class ElementInstanceRoutesTest {
    private static final String SCRIPTED = "/elements/api-v2/elements/scripted/instances";
    private static final String SCRIPTED_BY_ID = "/elements/api-v2/elements/" + ScriptedElementProvider.ID
            + "/instances";
    private static final String SECOND = "/elements/api-v2/elements/" + SecondElementProvider.KEY + "/instances";

    private final ScriptedElementProvider script = new ScriptedElementProvider();
    private final ApiServer server = ApiServer.start(builder -> builder.provider(new SecondElementProvider(script)));
    private JsonNode scripted;
    private JsonNode second;

    @BeforeEach
    void provision() {
        scripted = server.provision(server.auth(), "Scripted one", List.of("shared"));
        script.accept("second-code", "second-user");
        TestResponse created = server.postJson(SECOND, server.auth(),
                "{\"providerData\": {\"code\": \"second-code\"}, \"name\": \"Second one\", \"tags\": [\"shared\"],"
                        + " \"configuration\": " + configuration() + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        second = created.json();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String configuration() {
        return "{\"oauth.api.key\": \"app-id\", \"oauth.api.secret\": \"s\","
                + " \"oauth.callback.url\": \"https://app.example/cb\"}";
    }

    @Test
    void provisioningTakesTheElementFromThePath() {
        assertThat(second.path("element").path("key").asText()).isEqualTo(SecondElementProvider.KEY);
        assertThat(second.path("element").path("id").asLong()).isEqualTo(SecondElementProvider.ID);
        assertThat(second.path("token").asText()).isNotEqualTo("********");

        TestResponse sameElement = server.postJson(SCRIPTED_BY_ID, server.auth(),
                ApiServer.provisionBody(server.acceptedCode(), "By id", List.of()));
        assertThat(sameElement.status()).isEqualTo(200);
        assertThat(sameElement.json().path("element").path("key").asText()).isEqualTo("scripted");
    }

    @Test
    void provisioningWithAnotherElementInTheBodyIs400() {
        int exchanges = server.provider.exchanges() + script.exchanges();

        TestResponse response = server.postJson(SECOND, server.auth(),
                ApiServer.provisionBody(server.acceptedCode(), "Mismatch", List.of()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).contains("element");
        assertThat(server.provider.exchanges() + script.exchanges()).isEqualTo(exchanges);
    }

    @Test
    void listIsFilteredToTheElementByKeyAndById() {
        TestResponse byKey = server.get(SCRIPTED + "?tags[]=shared", server.auth());
        TestResponse byId = server.get(SCRIPTED_BY_ID, server.auth());
        TestResponse ofSecond = server.get(SECOND, server.auth());

        assertThat(byKey.status()).isEqualTo(200);
        assertThat(ApiServer.idsOf(byKey)).containsExactly(scripted.path("id").asLong());
        assertThat(byKey.header("Elements-Total-Count")).isEqualTo("1");
        assertThat(ApiServer.idsOf(byId)).containsExactly(scripted.path("id").asLong());
        assertThat(ApiServer.idsOf(ofSecond)).containsExactly(second.path("id").asLong());
        assertThat(server.get(INSTANCES, server.auth()).json()).hasSize(2);
        assertThat(server.get(SCRIPTED + "?page=0", server.auth()).status()).isEqualTo(400);
    }

    @Test
    void crudByKeyAndById() {
        String byKey = SCRIPTED + "/" + scripted.path("id").asLong();
        String byId = SCRIPTED_BY_ID + "/" + scripted.path("id").asLong();

        TestResponse read = server.get(byKey, server.auth());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(server.get(byId, server.auth()).json());

        TestResponse patched = server.patch(byId, server.auth(), "{\"tags\": [\"patched\"]}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("tags").toString()).isEqualTo("[\"patched\"]");

        TestResponse put = server.put(byKey, server.auth(), "{\"name\": \"Put\", \"configuration\": "
                + configuration() + "}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().path("name").asText()).isEqualTo("Put");
        assertThat(put.json().path("tags").toString()).as("not named, so kept").isEqualTo("[\"patched\"]");

        TestResponse deleted = server.delete(byId, server.auth());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().toString()).isEqualTo("{}");
        assertThat(server.get(byKey, server.auth()).status()).isEqualTo(404);
    }

    @Test
    void anInstanceOfAnotherElementIsNotThere() {
        String wrongPath = SCRIPTED + "/" + second.path("id").asLong();
        JsonNode before = server.get(INSTANCES + "/" + second.path("id").asLong(), server.auth()).json();

        assertThat(server.get(wrongPath, server.auth()).status()).isEqualTo(404);
        assertThat(server.patch(wrongPath, server.auth(), "{\"name\": \"x\"}").status()).isEqualTo(404);
        assertThat(server.put(wrongPath, server.auth(), "{\"name\": \"x\", \"configuration\": " + configuration() + "}")
                .status()).isEqualTo(404);
        assertThat(server.delete(wrongPath, server.auth()).status()).isEqualTo(404);
        assertThat(server.get(INSTANCES + "/" + second.path("id").asLong(), server.auth()).json()).isEqualTo(before);
    }

    @Test
    void unknownElementsAndIdsAre404() {
        String unknownElement = "/elements/api-v2/elements/nosuchelement/instances";

        assertThat(server.get(unknownElement, server.auth()).status()).isEqualTo(404);
        assertThat(server.postJson(unknownElement, server.auth(),
                ApiServer.provisionBody("code", "x", List.of())).status()).isEqualTo(404);
        assertThat(server.get(unknownElement + "/" + scripted.path("id").asLong(), server.auth()).status())
                .isEqualTo(404);
        assertThat(server.get("/elements/api-v2/elements/4242/instances", server.auth()).status()).isEqualTo(404);
        for (String id : List.of("999999", "abc", "0")) {
            assertThat(server.get(SCRIPTED + "/" + id, server.auth()).status()).as(id).isEqualTo(404);
            assertThat(server.delete(SCRIPTED + "/" + id, server.auth()).status()).as(id).isEqualTo(404);
            assertThat(server.patch(SCRIPTED + "/" + id, server.auth(), "{}").status()).as(id).isEqualTo(404);
        }
    }

    @Test
    void wrongTypesAreNamedAndElementRoutesNeedAuthorization() {
        String path = SCRIPTED + "/" + scripted.path("id").asLong();

        TestResponse patch = server.patch(path, server.auth(), "{\"name\": [], \"tags\": {}}");

        assertThat(patch.status()).isEqualTo(400);
        assertThat(patch.message()).contains("name must be a string").contains("tags must be an array of strings");
        assertThat(server.get(SCRIPTED, null).status()).isEqualTo(401);
        assertThat(server.get(path, null).status()).isEqualTo(401);
        assertThat(server.delete(path, null).status()).isEqualTo(401);
        assertThat(server.send("POST", SCRIPTED + "/" + scripted.path("id").asLong(), server.auth(), "{}").status())
                .isEqualTo(405);
    }
}
