package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.LogCapture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The secrets issue 3 adds (the operator's, new organizations' and users', renewed user secrets
 * and element tokens) appear in no log line, whether the request succeeds or is refused.
 */
class SecretsOfTenantsStayOutOfLogsTest {
    private static final String BASE = "/elements/api-v2";

    @Test
    void noNewSecretIsEverLogged() {
        List<String> canaries = new ArrayList<>();
        List<String> lines;

        try (LogCapture capture = new LogCapture(); ApiServer server = ApiServer.withOperator()) {
            canaries.add(ApiServer.OPERATOR_SECRET);
            String wrongOperator = "wrong-operator-" + ApiServer.OPERATOR_SECRET.substring(9);
            canaries.add(wrongOperator);
            assertThat(server.postJson(BASE + "/organizations", "Operator " + wrongOperator,
                    "{\"name\": \"Acme\", \"adminEmail\": \"a@acme.example\"}").status()).isEqualTo(401);

            JsonNode organization = server.postJson(BASE + "/organizations", "Operator " + ApiServer.OPERATOR_SECRET,
                    "{\"name\": \"Acme\", \"adminEmail\": \"a@acme.example\"}").json();
            String organizationSecret = organization.path("secret").asText();
            String administratorSecret = organization.path("user").path("secret").asText();
            canaries.addAll(List.of(organizationSecret, administratorSecret));
            String administrator = "User " + administratorSecret + ", Organization " + organizationSecret;

            JsonNode user = server.postJson(BASE + "/organizations/users", administrator,
                    "{\"emailAddress\": \"u@acme.example\"}").json();
            canaries.add(user.path("secret").asText());
            JsonNode renewed = server.send("POST", BASE + "/users/" + user.path("id").asLong() + "/secret",
                    administrator, null).json();
            canaries.add(renewed.path("secret").asText());
            assertThat(server.get(BASE + "/users", "User " + user.path("secret").asText() + ", Organization "
                    + organizationSecret).status()).isEqualTo(401);

            JsonNode instance = server.provision(administrator, "Logged?", List.of());
            String token = instance.path("token").asText();
            canaries.add(token);
            JsonNode newToken = server.send("POST", BASE + "/instances/" + instance.path("id").asLong() + "/token",
                    administrator, null).json();
            canaries.add(newToken.path("token").asText());
            assertThat(server.get(BASE + "/instances", ApiServer.withToken(administrator, token)).status())
                    .isEqualTo(401);
            assertThat(server.patch(BASE + "/instances", ApiServer.withToken(administrator,
                    newToken.path("token").asText()), "{\"name\": \"Renamed\"}").status()).isEqualTo(200);
            assertThat(server.get(BASE + "/instances", ApiServer.withToken(server.auth(),
                    newToken.path("token").asText())).status()).as("another organization").isEqualTo(404);

            lines = capture.lines();
        }

        assertThat(lines).as("the capture works")
                .anyMatch(line -> line.contains("RequestLog") && line.contains("POST /elements/api-v2/organizations"));
        for (String canary : canaries) {
            assertThat(canary).isNotBlank();
            assertThat(lines).as("no log line contains a secret").noneMatch(line -> line.contains(canary));
        }
    }
}
