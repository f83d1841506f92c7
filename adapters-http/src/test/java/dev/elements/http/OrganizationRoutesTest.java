package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.TestResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /organizations}, the operator's route. */
class OrganizationRoutesTest {
    private static final String ORGANIZATIONS = "/elements/api-v2/organizations";
    private static final String BODY = "{\"name\": \"Acme\", \"adminEmail\": \"admin@acme.example\"}";

    @Test
    void theOperatorCreatesAnOrganizationWhoseSecretsWorkAtOnce() {
        try (ApiServer server = ApiServer.withOperator()) {
            TestResponse created = server.postJson(ORGANIZATIONS, "Operator " + ApiServer.OPERATOR_SECRET, BODY);

            assertThat(created.status()).isEqualTo(200);
            ApiServer.assertJsonContentType(created);
            JsonNode organization = created.json();
            assertThat(organization.path("id").isNumber()).isTrue();
            assertThat(organization.path("name").asText()).isEqualTo("Acme");
            String organizationSecret = organization.path("secret").asText();
            assertThat(organizationSecret).hasSizeGreaterThanOrEqualTo(43);
            JsonNode administrator = organization.path("user");
            assertThat(administrator.path("id").isNumber()).isTrue();
            assertThat(administrator.path("emailAddress").asText()).isEqualTo("admin@acme.example");
            assertThat(administrator.path("roles").get(0).path("key").asText()).isEqualTo("org-admin");
            String userSecret = administrator.path("secret").asText();
            assertThat(userSecret).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(organizationSecret);
            assertThat(created.body()).doesNotContain("digest");

            String authorization = "User " + userSecret + ", Organization " + organizationSecret;
            TestResponse users = server.get("/elements/api-v2/users", authorization);
            assertThat(users.status()).isEqualTo(200);
            assertThat(users.json()).hasSize(1);
            assertThat(users.json().get(0).path("id").asLong()).isEqualTo(administrator.path("id").asLong());
            assertThat(users.json().get(0).has("secret")).as("shown once").isFalse();
            assertThat(server.get("/elements/api-v2/instances", authorization).json()).isEmpty();
            server.provision(authorization, "First", List.of());
        }
    }

    @Test
    void aWrongOrMissingOperatorSecretIs401() {
        try (ApiServer server = ApiServer.withOperator()) {
            TestResponse wrong = server.postJson(ORGANIZATIONS, "Operator not-" + ApiServer.OPERATOR_SECRET,
                    BODY);
            TestResponse missing = server.postJson(ORGANIZATIONS, null, BODY);
            TestResponse userInstead = server.postJson(ORGANIZATIONS, server.auth(), BODY);

            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body()).doesNotContain(ApiServer.OPERATOR_SECRET);
            assertThat(missing.status()).isEqualTo(401);
            assertThat(userInstead.status()).isEqualTo(401);
        }
    }

    @Test
    void withoutAnOperatorSecretTheRouteIsOff() {
        try (ApiServer server = ApiServer.start()) {
            TestResponse withSecret = server.postJson(ORGANIZATIONS, "Operator anything", BODY);
            TestResponse without = server.postJson(ORGANIZATIONS, null, "not even JSON");

            assertThat(withSecret.status()).isEqualTo(404);
            assertThat(without.status()).isEqualTo(404);
            assertThat(withSecret.json().path("requestId").asText()).isEqualTo(withSecret.requestId());
        }
    }

    @Test
    void missingAndWrongFieldsAreNamed() {
        try (ApiServer server = ApiServer.withOperator()) {
            String operator = "Operator " + ApiServer.OPERATOR_SECRET;

            TestResponse missing = server.postJson(ORGANIZATIONS, operator, "{}");
            TestResponse wrongTypes = server.postJson(ORGANIZATIONS, operator,
                    "{\"name\": 1, \"adminEmail\": [\"a@b.example\"]}");
            TestResponse notAnEmail = server.postJson(ORGANIZATIONS, operator,
                    "{\"name\": \"Acme\", \"adminEmail\": \"nobody\"}");

            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.message()).contains("name").contains("adminEmail");
            assertThat(wrongTypes.status()).isEqualTo(400);
            assertThat(wrongTypes.message()).contains("name must be a string").contains("adminEmail must be a string");
            assertThat(notAnEmail.status()).isEqualTo(400);
            assertThat(notAnEmail.message()).contains("adminEmail");
        }
    }

    @Test
    void onlyPostIsAllowed() {
        try (ApiServer server = ApiServer.withOperator()) {
            TestResponse get = server.get(ORGANIZATIONS, "Operator " + ApiServer.OPERATOR_SECRET);

            assertThat(get.status()).isEqualTo(405);
            assertThat(get.header("Allow")).isEqualTo("POST");
        }
    }
}
