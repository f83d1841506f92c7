package dev.elements.app.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.app.ElementsApi;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The organization's users, as Cloud Elements' user management API names its routes. */
class UsersCompatTest {
    @RegisterExtension
    final CompatServer server = new CompatServer();
    private final TestHttpClient admin = server.platform();

    private JsonNode addUser(String email, String firstName) {
        TestResponse added = admin.postJson("/organizations/users", ElementsApi.json(Map.of("emailAddress", email,
                "firstName", firstName, "lastName", "Tester", "role", "org")));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        return added.json();
    }

    @Test
    void aUserIsFoundByEmailAndDeletedAndItsSecretStopsWorking() {
        JsonNode grace = addUser("grace@app.example", "Grace");
        TestHttpClient asGrace = admin.withHeader("Authorization", ElementsApi.platformAuthorization(
                grace.path("secret").asText(), CompatServer.ORGANIZATION_SECRET));
        assertThat(asGrace.get("/instances").status()).isEqualTo(200);

        TestResponse byEmail = admin.get("/organizations/users/grace@app.example");
        TestResponse deleted = admin.delete("/organizations/users/" + grace.path("id").asLong());

        assertThat(byEmail.status()).as(byEmail.toString()).isEqualTo(200);
        assertThat(byEmail.json().path("id").asLong()).isEqualTo(grace.path("id").asLong());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(asGrace.get("/instances").status()).isEqualTo(401);
        assertThat(admin.get("/organizations/users/grace@app.example").status()).isEqualTo(404);
    }

    @Test
    void theLastActiveAdministratorCannotBeDeleted() {
        JsonNode me = null;
        for (JsonNode user : admin.get("/organizations/users").json()) {
            if (user.path("roles").toString().contains("org-admin")) {
                me = user;
            }
        }
        assertThat(me).isNotNull();

        TestResponse refused = admin.delete("/users/" + me.path("id").asLong());

        assertThat(refused.status()).isEqualTo(409);
    }

    @Test
    void theUsersListTakesACeqlWhere() {
        addUser("ada@app.example", "Ada");
        addUser("alan@app.example", "Alan");
        addUser("grace@app.example", "Grace");

        TestResponse found = admin.get("/organizations/users?where="
                + ElementsApi.encode("firstName like 'A%' and emailAddress != 'alan@app.example'"));

        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        found.json().forEach(user -> names.add(user.path("firstName").asText()));
        assertThat(names).containsExactly("Ada");
    }
}
