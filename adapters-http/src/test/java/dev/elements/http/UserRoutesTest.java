package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.TestResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /organizations/users} and {@code /users}: administrators manage, other users read themselves. */
class UserRoutesTest {
    private static final String USERS = "/elements/api-v2/users";
    private static final String ORGANIZATION_USERS = "/elements/api-v2/organizations/users";

    private final ApiServer server = ApiServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode addUser(String body) {
        TestResponse added = server.postJson(ORGANIZATION_USERS, server.auth(), body);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        return added.json();
    }

    private JsonNode addMember(String email) {
        return addUser("{\"emailAddress\": \"" + email + "\", \"firstName\": \"Max\", \"lastName\": \"Member\"}");
    }

    private String authorization(JsonNode user) {
        return "User " + user.path("secret").asText() + ", Organization " + server.organizationSecret;
    }

    private static long id(JsonNode user) {
        return user.path("id").asLong();
    }

    @Test
    void anAdministratorAddsAUserWhoseSecretIsShownOnce() {
        TestResponse added = server.postJson(ORGANIZATION_USERS, server.auth(), """
                {"emailAddress": "max@example.com", "firstName": "Max", "lastName": "Member", "role": "org",
                 "password": "ignored"}""");

        assertThat(added.status()).isEqualTo(200);
        JsonNode user = added.json();
        assertThat(user.path("id").isNumber()).isTrue();
        assertThat(user.path("emailAddress").asText()).isEqualTo("max@example.com");
        assertThat(user.path("email").asText()).isEqualTo("max@example.com");
        assertThat(user.path("firstName").asText()).isEqualTo("Max");
        assertThat(user.path("lastName").asText()).isEqualTo("Member");
        assertThat(user.path("fullName").asText()).isEqualTo("Max Member");
        assertThat(user.path("active").asBoolean()).isTrue();
        assertThat(user.path("enabled").asBoolean()).isTrue();
        assertThat(Instant.parse(user.path("createdDate").asText()))
                .isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        assertThat(user.path("roles").toString()).isEqualTo("[{\"key\":\"org\",\"name\":\"Organization User\"}]");
        String secret = user.path("secret").asText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        assertThat(added.body()).doesNotContain("ignored").doesNotContain("igest");

        TestResponse read = server.get(USERS + "/" + id(user), server.auth());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().has("secret")).isFalse();
        assertThat(read.body()).doesNotContain(secret);
        assertThat(server.get(USERS + "/" + id(user), authorization(user)).status()).as("the secret works")
                .isEqualTo(200);
    }

    @Test
    void cloudElementsSpellingEmailAndTheAdministratorRole() {
        JsonNode user = addUser("{\"email\": \"ce@example.com\", \"role\": \"org-admin\"}");

        assertThat(user.path("emailAddress").asText()).isEqualTo("ce@example.com");
        assertThat(user.path("roles").get(0).path("key").asText()).isEqualTo("org-admin");
        assertThat(user.path("fullName").asText()).isEmpty();
    }

    @Test
    void listsTheOrganizationsUsersWithoutSecrets() {
        JsonNode member = addMember("list@example.com");

        TestResponse users = server.get(USERS, server.auth());
        TestResponse alias = server.get(ORGANIZATION_USERS, server.auth());

        assertThat(users.status()).isEqualTo(200);
        assertThat(users.json()).hasSize(2);
        assertThat(users.json().get(0).path("emailAddress").asText()).isEqualTo("admin@elements.local");
        assertThat(users.json().get(0).path("roles").get(0).path("key").asText()).isEqualTo("org-admin");
        assertThat(users.json().get(1).path("id").asLong()).isEqualTo(id(member));
        assertThat(users.body()).doesNotContain("\"secret\"").doesNotContain(member.path("secret").asText());
        assertThat(alias.json()).isEqualTo(users.json());
        assertThat(server.get(ORGANIZATION_USERS + "/" + id(member), server.auth()).json())
                .isEqualTo(users.json().get(1));
    }

    @Test
    void patchChangesNamesAndRole() {
        JsonNode member = addMember("patch@example.com");

        TestResponse patched = server.patch(USERS + "/" + id(member), server.auth(),
                "{\"firstName\": \"Joseph\", \"lastName\": \"Pulaski\", \"role\": \"org-admin\"}");
        TestResponse alias = server.patch(ORGANIZATION_USERS + "/" + id(member), server.auth(),
                "{\"lastName\": \"Ricard\"}");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("fullName").asText()).isEqualTo("Joseph Pulaski");
        assertThat(patched.json().path("roles").get(0).path("key").asText()).isEqualTo("org-admin");
        assertThat(patched.json().path("emailAddress").asText()).isEqualTo("patch@example.com");
        assertThat(patched.json().has("secret")).isFalse();
        assertThat(alias.status()).isEqualTo(200);
        assertThat(server.get(USERS + "/" + id(member), server.auth()).json().path("fullName").asText())
                .isEqualTo("Joseph Ricard");
    }

    @Test
    void aDeactivatedUsersSecretIs401UntilReactivated() {
        JsonNode member = addMember("gone@example.com");
        assertThat(server.get(USERS + "/" + id(member), authorization(member)).status()).isEqualTo(200);

        TestResponse deactivated = server.patch(USERS + "/" + id(member), server.auth(), "{\"active\": false}");

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().path("active").asBoolean()).isFalse();
        assertThat(deactivated.json().path("enabled").asBoolean()).isFalse();
        assertThat(server.get(USERS + "/" + id(member), authorization(member)).status()).isEqualTo(401);
        assertThat(server.get("/elements/api-v2/instances", authorization(member)).status()).isEqualTo(401);

        server.patch(USERS + "/" + id(member), server.auth(), "{\"active\": true}");
        assertThat(server.get(USERS + "/" + id(member), authorization(member)).status()).isEqualTo(200);
    }

    @Test
    void aNewSecretIsShownOnceAndTheOldOneStops() {
        JsonNode member = addMember("renew@example.com");
        String oldAuthorization = authorization(member);

        TestResponse renewed = server.send("POST", USERS + "/" + id(member) + "/secret", server.auth(), null);

        assertThat(renewed.status()).isEqualTo(200);
        String secret = renewed.json().path("secret").asText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(member.path("secret").asText());
        assertThat(server.get(USERS, oldAuthorization).status()).isEqualTo(401);
        assertThat(server.get(USERS, "User " + secret + ", Organization " + server.organizationSecret).status())
                .isEqualTo(200);
        assertThat(server.get(USERS + "/" + id(member), server.auth()).json().has("secret")).isFalse();
    }

    @Test
    void aUserWhoIsNoAdministratorReadsAndRenewsOnlyItself() {
        JsonNode member = addMember("member@example.com");
        JsonNode colleague = addMember("colleague@example.com");
        String asMember = authorization(member);
        long administrator = server.get(USERS, server.auth()).json().get(0).path("id").asLong();

        TestResponse self = server.get(USERS + "/" + id(member), asMember);
        TestResponse list = server.get(USERS, asMember);
        assertThat(self.status()).isEqualTo(200);
        assertThat(self.json().path("emailAddress").asText()).isEqualTo("member@example.com");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).path("id").asLong()).isEqualTo(id(member));

        assertThat(server.get(USERS + "/" + id(colleague), asMember).status()).isEqualTo(403);
        assertThat(server.get(USERS + "/" + administrator, asMember).status()).isEqualTo(403);
        assertThat(server.postJson(ORGANIZATION_USERS, asMember, "{\"emailAddress\": \"new@example.com\"}").status())
                .isEqualTo(403);
        assertThat(server.patch(USERS + "/" + id(colleague), asMember, "{\"active\": false}").status()).isEqualTo(403);
        assertThat(server.patch(USERS + "/" + id(member), asMember, "{\"role\": \"org-admin\"}").status())
                .isEqualTo(403);
        assertThat(server.send("POST", USERS + "/" + id(colleague) + "/secret", asMember, null).status())
                .isEqualTo(403);
        assertThat(server.get(USERS + "/" + id(colleague), authorization(colleague)).status())
                .as("the colleague's secret still works").isEqualTo(200);
        assertThat(server.get(USERS + "/" + id(member), server.auth()).json().path("roles").get(0).path("key")
                .asText()).isEqualTo("org");

        TestResponse ownSecret = server.send("POST", USERS + "/" + id(member) + "/secret", asMember, null);
        assertThat(ownSecret.status()).isEqualTo(200);
        assertThat(ownSecret.json().path("secret").asText()).isNotEqualTo(member.path("secret").asText());
    }

    @Test
    void theLastActiveAdministratorStays() {
        long administrator = server.get(USERS, server.auth()).json().get(0).path("id").asLong();

        TestResponse response = server.patch(USERS + "/" + administrator, server.auth(), "{\"active\": false}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(server.get(USERS, server.auth()).status()).isEqualTo(200);
    }

    @Test
    void aTakenEmailAddressIs409() {
        addMember("twice@example.com");

        TestResponse again = server.postJson(ORGANIZATION_USERS, server.auth(),
                "{\"emailAddress\": \"twice@example.com\"}");

        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void missingAndWrongFieldsAreNamed() {
        JsonNode member = addMember("fields@example.com");

        TestResponse missing = server.postJson(ORGANIZATION_USERS, server.auth(), "{\"firstName\": \"x\"}");
        TestResponse types = server.postJson(ORGANIZATION_USERS, server.auth(),
                "{\"emailAddress\": 5, \"firstName\": [], \"role\": {}}");
        TestResponse badRole = server.postJson(ORGANIZATION_USERS, server.auth(),
                "{\"emailAddress\": \"r@example.com\", \"role\": \"sys-admin\"}");
        TestResponse badEmail = server.postJson(ORGANIZATION_USERS, server.auth(), "{\"emailAddress\": \"x\"}");
        TestResponse patchTypes = server.patch(USERS + "/" + id(member), server.auth(),
                "{\"active\": \"no\", \"lastName\": 3}");
        TestResponse patchRole = server.patch(USERS + "/" + id(member), server.auth(), "{\"role\": \"root\"}");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.message()).contains("emailAddress");
        assertThat(types.status()).isEqualTo(400);
        assertThat(types.message()).contains("emailAddress must be a string").contains("firstName must be a string")
                .contains("role must be a string");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.message()).contains("role");
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(patchTypes.status()).isEqualTo(400);
        assertThat(patchTypes.message()).contains("active must be a boolean").contains("lastName must be a string");
        assertThat(patchRole.status()).isEqualTo(400);
        assertThat(server.get(USERS + "/" + id(member), server.auth()).json().path("active").asBoolean()).isTrue();
    }

    @Test
    void unknownNonNumericAndForeignIdsAre404() {
        String other = server.organization("Other", "admin@elements.local").administrator().authorization();
        long foreign = server.get(USERS, other).json().get(0).path("id").asLong();

        for (String id : new String[] {"999999", "abc", "0", "-2", Long.toString(foreign)}) {
            assertThat(server.get(USERS + "/" + id, server.auth()).status()).as("GET " + id).isEqualTo(404);
            assertThat(server.patch(USERS + "/" + id, server.auth(), "{\"active\": false}").status())
                    .as("PATCH " + id).isEqualTo(404);
            assertThat(server.send("POST", USERS + "/" + id + "/secret", server.auth(), null).status())
                    .as("POST secret " + id).isEqualTo(404);
            assertThat(server.delete(ORGANIZATION_USERS + "/" + id, server.auth()).status())
                    .as("DELETE " + id).isEqualTo(404);
        }
        assertThat(server.get(USERS, other).status()).as("the foreign administrator is untouched").isEqualTo(200);
    }

    @Test
    void userRoutesNeedUserAndOrganizationAndTheRightVerb() {
        assertThat(server.get(USERS, null).status()).isEqualTo(401);
        assertThat(server.postJson(ORGANIZATION_USERS, null, "{\"emailAddress\": \"a@b.example\"}").status())
                .isEqualTo(401);
        assertThat(server.put(USERS + "/1", server.auth(), "{}").status()).isEqualTo(405);
        assertThat(server.send("POST", USERS, server.auth(), "{}").status()).isEqualTo(405);
    }

    @Test
    void anAdministratorDeletesAUserWhoseSecretStopsAtOnce() {
        JsonNode member = addMember("leaving@example.com");
        JsonNode other = addMember("also-leaving@example.com");
        assertThat(server.get(USERS + "/" + id(member), authorization(member)).status()).isEqualTo(200);

        TestResponse deleted = server.delete(ORGANIZATION_USERS + "/" + id(member), server.auth());
        TestResponse alias = server.delete(USERS + "/" + id(other), server.auth());

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(alias.status()).as(alias.body()).isEqualTo(200);
        assertThat(server.get(USERS + "/" + id(member), authorization(member)).status())
                .as("the deleted user's secret does nothing").isEqualTo(401);
        assertThat(server.get(USERS, authorization(other)).status()).isEqualTo(401);
        assertThat(server.get(USERS + "/" + id(member), server.auth()).status()).isEqualTo(404);
        assertThat(server.get(USERS, server.auth()).json()).hasSize(1);
        assertThat(server.delete(ORGANIZATION_USERS + "/" + id(member), server.auth()).status())
                .as("deleted once").isEqualTo(404);
        assertThat(addMember("LEAVING@example.com").path("id").asLong()).as("the address is free again")
                .isNotEqualTo(id(member));
    }

    @Test
    void administratorsDeleteThemselvesUnlessTheyAreTheLastActiveOne() {
        long administrator = server.get(USERS, server.auth()).json().get(0).path("id").asLong();

        TestResponse last = server.delete(ORGANIZATION_USERS + "/" + administrator, server.auth());
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.message()).contains("org-admin");
        assertThat(server.get(USERS, server.auth()).status()).isEqualTo(200);

        JsonNode successor = addUser("{\"emailAddress\": \"next@example.com\", \"role\": \"org-admin\"}");
        TestResponse self = server.delete(USERS + "/" + administrator, server.auth());

        assertThat(self.status()).as(self.body()).isEqualTo(200);
        assertThat(server.get(USERS, server.auth()).status()).isEqualTo(401);
        TestResponse remaining = server.get(USERS, authorization(successor));
        assertThat(remaining.status()).isEqualTo(200);
        assertThat(remaining.json()).hasSize(1);
        assertThat(server.delete(USERS + "/" + id(successor), authorization(successor)).status())
                .as("now the last one").isEqualTo(409);
    }

    @Test
    void aUserWhoIsNoAdministratorDeletesOnlyItself() {
        JsonNode member = addMember("self@example.com");
        JsonNode colleague = addMember("kept@example.com");

        assertThat(server.delete(USERS + "/" + id(colleague), authorization(member)).status()).isEqualTo(403);
        assertThat(server.delete(USERS + "/" + id(member), authorization(member)).status()).isEqualTo(200);
        assertThat(server.get(USERS + "/" + id(colleague), authorization(colleague)).status()).isEqualTo(200);
        assertThat(server.get(USERS + "/" + id(member), authorization(member)).status()).isEqualTo(401);
    }

    @Test
    void aUserIsAlsoFoundByItsEmailAddress() {
        JsonNode member = addMember("Found.Me@example.com");
        addMember("colleague@example.com");
        server.organization("Other", "elsewhere@example.com");

        TestResponse byEmail = server.get(ORGANIZATION_USERS + "/found.me@EXAMPLE.com", server.auth());
        TestResponse alias = server.get(USERS + "/Found.Me@example.com", server.auth());

        assertThat(byEmail.status()).as(byEmail.body()).isEqualTo(200);
        assertThat(byEmail.json()).isEqualTo(server.get(USERS + "/" + id(member), server.auth()).json());
        assertThat(alias.json()).isEqualTo(byEmail.json());
        assertThat(server.get(ORGANIZATION_USERS + "/nobody@example.com", server.auth()).status()).isEqualTo(404);
        assertThat(server.get(ORGANIZATION_USERS + "/elsewhere@example.com", server.auth()).status())
                .as("another organization's user is not there").isEqualTo(404);
        assertThat(server.get(USERS + "/colleague@example.com", authorization(member)).status())
                .as("a member cannot tell a colleague's address from an unknown one").isEqualTo(404);
        assertThat(server.get(USERS + "/found.me@example.com", authorization(member)).status()).isEqualTo(200);
    }
}
