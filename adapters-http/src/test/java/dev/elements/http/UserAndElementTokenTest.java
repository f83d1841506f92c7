package dev.elements.http;

import static dev.elements.http.ApiServer.INSTANCES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.http.ApiServer.TestOrganization;
import dev.elements.testing.TestClock;
import dev.elements.testing.TestResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Authorization: User <secret>, Element <token>}, without the Organization secret: Cloud
 * Elements' authentication page shows this form for element calls ("User x, Element z",
 * cloud-elements/devportal {@code _includes/authentication.md}). It is accepted wherever the Element
 * token names the instance (hub calls, the token-scoped instance routes), for a user of the
 * instance's organization only; routes that name no instance by the token still want the
 * Organization secret.
 */
class UserAndElementTokenTest {
    private static final String HUB = ApiServer.BASE + "/hubs/testing";
    private static final int LIMIT = 3;

    private final ApiServer server = ApiServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private String userSecret() {
        return server.userSecret;
    }

    private static String userAndToken(String userSecret, String token) {
        return "User " + userSecret + ", Element " + token;
    }

    private static String secretOf(String authorization) {
        return authorization.substring("User ".length(), authorization.indexOf(','));
    }

    @Test
    void hubCallsAndTokenScopedInstanceRoutesTakeTheUserSecretAndTheToken() {
        JsonNode instance = server.provision(server.auth(), "CRM", List.of("crm"));
        String header = userAndToken(userSecret(), instance.path("token").asText());

        TestResponse hub = server.get(HUB + "/me", header);
        TestResponse shown = server.get(INSTANCES, header);
        TestResponse configuration = server.get(INSTANCES + "/configuration", header);
        TestResponse renamed = server.patch(INSTANCES, header, "{\"name\": \"Renamed\"}");

        assertThat(hub.status()).as(hub.body()).isEqualTo(200);
        assertThat(hub.header(HubRoutes.INSTANCE_ID)).isEqualTo(instance.path("id").asText());
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.json().path("id").asLong()).isEqualTo(instance.path("id").asLong());
        assertThat(configuration.status()).as(configuration.body()).isEqualTo(200);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().path("name").asText()).isEqualTo("Renamed");
    }

    @Test
    void aMemberOfTheOrganizationMayUseItsInstancesToken() {
        JsonNode instance = server.provision(server.auth(), "CRM", List.of());
        long organization = server.tenants.findUserBySecret(SecretDigest.of(server.userSecret)).orElseThrow()
                .organizationId().value();
        TestOrganization bootstrap = new TestOrganization(organization, server.organizationSecret, null);
        String member = secretOf(server.member(bootstrap, "member@example.com").authorization());

        assertThat(server.get(HUB + "/me", userAndToken(member, instance.path("token").asText())).status())
                .isEqualTo(200);
    }

    @Test
    void aUserOfAnotherOrganizationIs401AndReachesNoProvider() {
        JsonNode instance = server.provision(server.auth(), "CRM", List.of());
        String stranger = secretOf(server.otherOrganization());
        String header = userAndToken(stranger, instance.path("token").asText());
        int hubCalls = server.provider.hubCalls();

        for (TestResponse refused : List.of(server.get(HUB + "/me", header), server.get(INSTANCES, header),
                server.get(INSTANCES + "/configuration", header),
                server.patch(INSTANCES, header, "{\"name\": \"Taken\"}"))) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(401);
            assertThat(refused.message()).isEqualTo("Invalid User secret or Element token");
            assertThat(refused.header(HubRoutes.INSTANCE_ID)).isNull();
        }
        assertThat(server.provider.hubCalls()).isEqualTo(hubCalls);
        assertThat(server.get(INSTANCES, server.auth()).json().get(0).path("name").asText()).isEqualTo("CRM");
    }

    @Test
    void routesThatNameNoInstanceByTheTokenStillWantTheOrganizationSecret() {
        JsonNode instance = server.provision(server.auth(), "CRM", List.of());
        String header = userAndToken(userSecret(), instance.path("token").asText());

        assertThat(server.get(ApiServer.BASE + "/users", header).status()).isEqualTo(401);
        assertThat(server.get(ApiServer.BASE + "/elements", header).status()).isEqualTo(401);
        assertThat(server.get(INSTANCES + "/" + instance.path("id").asLong(), header).status()).isEqualTo(401);
        assertThat(server.postJson(INSTANCES, header, ApiServer.provisionBody(server.acceptedCode(), "x", List.of()))
                .status()).isEqualTo(401);
        assertThat(server.get(INSTANCES + "/configuration", "User " + userSecret()).status())
                .as("no token: the Organization secret is missing").isEqualTo(401);
    }

    @Test
    void wrongUserSecretsBesideAGoodTokenAreThrottledLikeAnyOtherGuess() {
        try (ApiServer throttling = ApiServer.start(
                HttpApiSettings.defaults().withFailedAuthentications(LIMIT, Duration.ofMinutes(1)),
                TestClock.atFixedStart())) {
            String token = throttling.provision(throttling.auth(), "CRM", List.of()).path("token").asText();

            for (int i = 0; i < LIMIT; i++) {
                assertThat(throttling.get(HUB + "/me", userAndToken("guess-" + i, token)).status()).isEqualTo(401);
            }
            TestResponse throttled = throttling.get(INSTANCES, userAndToken(throttling.userSecret, token));

            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.header("Retry-After")).isNotNull();
        }
    }
}
