package dev.elements.http;

import static dev.elements.http.ApiServer.INSTANCES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.TestResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cloud Elements' forms without an id: {@code /instances/...} acts on the instance the Element token names. */
class TokenScopedRoutesTest {
    private final ApiServer server = ApiServer.start();
    private JsonNode instance;
    private String withToken;

    @BeforeEach
    void provision() {
        server.provision(server.auth(), "Bystander", List.of("other"));
        instance = server.provision(server.auth(), "Tokened", List.of("mine"));
        withToken = ApiServer.withToken(server.auth(), instance.path("token").asText());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long id() {
        return instance.path("id").asLong();
    }

    private JsonNode read() {
        return server.get(INSTANCES + "/" + id(), server.auth()).json();
    }

    @Test
    void getReadsTheTokensInstance() {
        TestResponse response = server.get(INSTANCES, withToken);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(read());
    }

    @Test
    void putPatchAndDeleteActOnTheTokensInstance() {
        TestResponse patched = server.patch(INSTANCES, withToken, "{\"name\": \"Renamed\", \"tags\": [\"t\"]}");
        TestResponse put = server.put(INSTANCES, withToken, """
                {"name": "Replaced", "configuration": {"oauth.api.key": "k", "oauth.api.secret": "********",
                                                       "oauth.callback.url": "https://app.example/cb"}}""");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("id").asLong()).isEqualTo(id());
        assertThat(patched.json().path("tags").toString()).isEqualTo("[\"t\"]");
        assertThat(put.status()).isEqualTo(200);
        assertThat(read().path("name").asText()).isEqualTo("Replaced");
        assertThat(read().path("tags").toString()).as("not named by the PUT, so kept").isEqualTo("[\"t\"]");
        assertThat(read().path("configuration").path("oauth.api.key").asText()).isEqualTo("k");

        TestResponse deleted = server.delete(INSTANCES, withToken);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().toString()).isEqualTo("{}");
        assertThat(server.get(INSTANCES + "/" + id(), server.auth()).status()).isEqualTo(404);
        assertThat(server.get(INSTANCES, withToken).status()).isEqualTo(401);
        assertThat(server.get(INSTANCES, server.auth()).json()).hasSize(1);
    }

    @Test
    void configurationEntriesByToken() {
        TestResponse listed = server.get(INSTANCES + "/configuration", withToken);

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).isEqualTo(server.get(INSTANCES + "/" + id() + "/configuration", server.auth()).json());
        long pagination = InstanceLifecycleTest.entry(listed.json(), "pagination.max").path("id").asLong();

        TestResponse patched = server.patch(INSTANCES + "/configuration/" + pagination, withToken,
                "{\"propertyValue\": \"7\"}");
        TestResponse one = server.get(INSTANCES + "/configuration/" + pagination, withToken);

        assertThat(patched.status()).isEqualTo(200);
        assertThat(one.json().path("propertyValue").asText()).isEqualTo("7");
        assertThat(read().path("configuration").path("pagination.max").asText()).isEqualTo("7");
        assertThat(server.get(INSTANCES + "/configuration/999999", withToken).status()).isEqualTo(404);
        assertThat(server.patch(INSTANCES + "/configuration/" + pagination, withToken, "{\"propertyValue\": []}")
                .status()).isEqualTo(400);
    }

    @Test
    void enabledTokenAndRefreshByToken() {
        TestResponse disabled = server.delete(INSTANCES + "/enabled", withToken);
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(read().path("disabled").asBoolean()).isTrue();
        TestResponse enabled = server.put(INSTANCES + "/enabled", withToken, null);
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(read().path("status").asText()).isEqualTo("ACTIVE");

        int renewals = server.provider.renewals();
        TestResponse refreshed = server.send("POST", INSTANCES + "/refresh", withToken, null);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(server.provider.renewals()).isEqualTo(renewals + 1);

        TestResponse renewed = server.send("POST", INSTANCES + "/token", withToken, null);
        assertThat(renewed.status()).isEqualTo(200);
        String newToken = renewed.json().path("token").asText();
        assertThat(newToken).isNotEqualTo("********").isNotEqualTo(instance.path("token").asText());
        assertThat(server.get(INSTANCES + "/configuration", withToken).status()).as("the old token").isEqualTo(401);
        assertThat(server.get(INSTANCES + "/configuration", ApiServer.withToken(server.auth(), newToken)).status())
                .isEqualTo(200);
    }

    @Test
    void withoutATokenTheTokenScopedFormsAre401() {
        assertThat(server.patch(INSTANCES, server.auth(), "{\"name\": \"x\"}").status()).isEqualTo(401);
        assertThat(server.put(INSTANCES, server.auth(), "{}").status()).isEqualTo(401);
        TestResponse delete = server.delete(INSTANCES, server.auth());
        assertThat(delete.status()).isEqualTo(401);
        assertThat(delete.message()).contains("Element");
        assertThat(server.get(INSTANCES + "/configuration", server.auth()).status()).isEqualTo(401);
        assertThat(server.put(INSTANCES + "/enabled", server.auth(), null).status()).isEqualTo(401);
        assertThat(server.send("POST", INSTANCES + "/token", server.auth(), null).status()).isEqualTo(401);
        assertThat(read().path("name").asText()).isEqualTo("Tokened");
        assertThat(server.get(INSTANCES, server.auth()).json()).as("no token: the list").hasSize(2);
    }

    @Test
    void anUnknownTokenIs401AndChangesNothing() {
        String unknown = ApiServer.withToken(server.auth(), "x".repeat(43));

        assertThat(server.get(INSTANCES, unknown).status()).isEqualTo(401);
        assertThat(server.patch(INSTANCES, unknown, "{\"name\": \"x\"}").status()).isEqualTo(401);
        assertThat(server.delete(INSTANCES, unknown).status()).isEqualTo(401);
        assertThat(read().path("name").asText()).isEqualTo("Tokened");
    }

    @Test
    void theTokenIsNotEnoughWithoutUserAndOrganization() {
        String tokenOnly = "Element " + instance.path("token").asText();

        assertThat(server.get(INSTANCES, tokenOnly).status()).isEqualTo(401);
        assertThat(server.delete(INSTANCES, tokenOnly).status()).isEqualTo(401);
        assertThat(read().path("name").asText()).isEqualTo("Tokened");
    }

    @Test
    void theIdFormIgnoresATokenForAnotherInstance() {
        JsonNode bystander = server.get(INSTANCES, server.auth()).json().get(0);

        TestResponse response = server.get(INSTANCES + "/" + bystander.path("id").asLong(), withToken);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("name").asText()).isEqualTo("Bystander");
    }

    @Test
    void wrongVerbsOnTokenScopedPathsAre405() {
        TestResponse getToken = server.get(INSTANCES + "/token", withToken);
        TestResponse patchEnabled = server.patch(INSTANCES + "/enabled", withToken, "{}");
        TestResponse deleteConfiguration = server.delete(INSTANCES + "/configuration", withToken);
        TestResponse postInstanceId = server.send("POST", INSTANCES + "/" + id(), withToken, "{}");

        assertThat(getToken.status()).isEqualTo(405);
        assertThat(getToken.header("Allow")).isEqualTo("POST");
        assertThat(patchEnabled.status()).isEqualTo(405);
        assertThat(patchEnabled.header("Allow")).isEqualTo("PUT, DELETE");
        assertThat(deleteConfiguration.status()).isEqualTo(405);
        assertThat(deleteConfiguration.header("Allow")).isEqualTo("GET");
        assertThat(postInstanceId.status()).isEqualTo(405);
        assertThat(read().path("disabled").asBoolean()).isFalse();
        assertThat(server.get(INSTANCES, withToken).status()).isEqualTo(200);
    }
}
