package dev.elements.app.journey;

import static dev.elements.app.journey.JourneyServer.CALLBACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.app.ElementsApi;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Cloud Elements application moved to this server, changing only the host: a browser page on an
 * allowed origin calls Facebook through an instance with Cloud Elements' hub-less paths and
 * {@code User <secret>, Element <token>}, and the organization's administrator removes a user,
 * whose secret then opens nothing, not even beside a valid Element token.
 */
class BrowserClientJourneyTest {
    private static final String ORGANIZATION_SECRET = "browser-organization-secret-5e1b7c9a3d2f";
    private static final String USER_SECRET = "browser-user-secret-8d2a6c4e0b1f3579";
    private static final String PAGE = "https://app.example";

    @RegisterExtension
    final JourneyServer server = new JourneyServer();

    @Test
    void aBrowserPageCallsTheHubWithoutTheHubSegmentAndADeletedUserOpensNothing() {
        FakeApp app = server.facebook().registerApp("778899", "browser-app-secret", CALLBACK);
        FakeUser ada = server.facebook().createUser("Ada Lovelace", "ada@example.com");
        server.facebook().loginAs(ada);
        Map<String, String> settings = new HashMap<>(server.settings(ORGANIZATION_SECRET, USER_SECRET));
        settings.put("ELEMENTS_HTTP_CORS_ORIGINS", PAGE);
        int port = server.start(settings).port();
        TestHttpClient administrator = ElementsApi.asUser(port, USER_SECRET, ORGANIZATION_SECRET);
        String code = ElementsApi.facebookCode(administrator, app, CALLBACK);
        String token = administrator.postJson("/instances",
                ElementsApi.facebookInstance(app, CALLBACK, code, "Ada's Facebook")).json().path("token").asText();

        TestResponse preflight = ElementsApi.at(port, null).withHeader("Origin", PAGE)
                .withHeader("Access-Control-Request-Method", "GET")
                .withHeader("Access-Control-Request-Headers", "authorization")
                .send("OPTIONS", "/user/me", null, null);
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(PAGE);
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization");

        TestResponse me = ElementsApi.at(port, "User " + USER_SECRET + ", Element " + token)
                .withHeader("Origin", PAGE).get("/user/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("id").asText()).isEqualTo(ada.id());
        assertThat(me.header("Access-Control-Allow-Origin")).isEqualTo(PAGE);
        assertThat(me.header("Access-Control-Expose-Headers")).contains("Elements-Element-Instance-Id");
        TestResponse elsewhere = ElementsApi.at(port, "Element " + token)
                .withHeader("Origin", "https://elsewhere.example").get("/user/me");
        assertThat(elsewhere.header("Access-Control-Allow-Origin")).as("no other page may read it").isNull();

        String memberSecret = administrator.postJson("/organizations/users",
                "{\"emailAddress\": \"dev@acme.example\", \"role\": \"org-admin\"}").json().path("secret").asText();
        assertThat(ElementsApi.at(port, "User " + memberSecret + ", Element " + token).get("/user/me").status())
                .isEqualTo(200);
        TestHttpClient asMember = ElementsApi.asUser(port, memberSecret, ORGANIZATION_SECRET);
        TestResponse membersInstance = asMember.postJson("/instances", ElementsApi.facebookInstance(app, CALLBACK,
                ElementsApi.facebookCode(asMember, app, CALLBACK), "The member's Facebook"));
        assertThat(membersInstance.status()).as(membersInstance.toString()).isEqualTo(200);
        long member = administrator.get("/organizations/users/DEV@acme.example").json().path("id").asLong();
        assertThat(administrator.delete("/organizations/users/" + member).status()).isEqualTo(200);

        assertThat(ElementsApi.at(port, "User " + memberSecret + ", Element " + token).get("/user/me").status())
                .as("the deleted user's secret beside a good token").isEqualTo(401);
        assertThat(ElementsApi.asUser(port, memberSecret, ORGANIZATION_SECRET).get("/users").status())
                .isEqualTo(401);
        long self = administrator.get("/users").json().get(0).path("id").asLong();
        assertThat(administrator.delete("/users/" + self).status()).as("the last active org-admin stays")
                .isEqualTo(409);
        assertThat(ElementsApi.at(port, "Element " + membersInstance.json().path("token").asText())
                .get("/user/me").status()).as("an instance outlives the user who made it").isEqualTo(200);
        assertThat(administrator.get("/instances/" + membersInstance.json().path("id").asLong()).status())
                .isEqualTo(200);
    }
}
