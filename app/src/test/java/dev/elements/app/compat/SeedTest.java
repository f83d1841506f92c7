package dev.elements.app.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.app.ElementsApi;
import dev.elements.core.spi.FormEncoding;
import dev.elements.testing.TestResponse;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cloud Elements' "Facebook: Create Instance" page, its two steps sent verbatim (developer portal,
 * {@code docs/elements/facebook/facebook-create-instance.md}): the example requests as written, and
 * the example answer's members checked one by one. Where the answer differs on purpose (secrets
 * masked, the element token shown once), the test says so.
 */
class SeedTest {
    @RegisterExtension
    final CompatServer server = new CompatServer();

    @Test
    void stepOneTheDocumentedCurlGivesTheLoginUrlWithTheCallbackCompletedWithHttps() {
        // curl -X GET -H 'Content-Type: application/json' '.../elements/facebooksocial/oauth/url?apiKey=...
        //   &apiSecret=...&callbackUrl=www.mycoolapp.com/auth&scope=public_profile'
        HttpRequest request = server.anonymous().request("/elements/facebooksocial/oauth/url?apiKey="
                + server.app.id() + "&apiSecret=" + CompatServer.APP_SECRET
                + "&callbackUrl=www.mycoolapp.com/auth&scope=public_profile")
                .header("Content-Type", "application/json").GET().build();

        TestResponse answer = server.anonymous().send(request);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(names(answer.json())).containsExactlyInAnyOrder("oauthUrl", "element");
        assertThat(answer.json().path("element").asText()).isEqualTo("facebooksocial");
        String oauthUrl = answer.json().path("oauthUrl").asText();
        assertThat(oauthUrl).startsWith(server.facebook.authorizationUrl()).doesNotContain(CompatServer.APP_SECRET);
        Map<String, String> query = FormEncoding.decode(URI.create(oauthUrl).getRawQuery());
        assertThat(query).containsEntry("scope", "public_profile").containsEntry("response_type", "code")
                .containsEntry("redirect_uri", CompatServer.CALLBACK).containsEntry("state", "facebooksocial")
                .containsEntry("client_id", server.app.id());
        assertThat(server.loginCode(oauthUrl)).as("the login it leads to calls back with a code").isNotBlank();
    }

    @Test
    void stepTwoTheDocumentedInstanceJsonGivesTheDocumentedInstance() {
        TestResponse created = server.provisionAsTheSeedDoes("Test");

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode instance = created.json();
        assertThat(instance.path("id").isIntegralNumber()).isTrue();
        assertThat(instance.path("name").asText()).isEqualTo("Test");
        assertThat(instance.path("token").asText()).as("the element token, to retain").isNotBlank()
                .isNotEqualTo("********");
        assertThat(instance.path("provisionInteractions").isArray()).isTrue();
        assertThat(instance.path("provisionInteractions")).isEmpty();
        assertThat(instance.path("valid").asBoolean()).isTrue();
        assertThat(instance.path("disabled").isBoolean()).isTrue();
        assertThat(instance.path("disabled").asBoolean()).isFalse();
        assertThat(instance.path("maxCacheSize").asInt(-1)).isZero();
        assertThat(instance.path("cacheTimeToLive").asInt(-1)).isZero();
        assertThat(instance.path("eventsEnabled").isBoolean()).isTrue();
        assertThat(instance.path("cachingEnabled").asBoolean(true)).isFalse();
        // Churros' instance schema also requires tags and user.
        assertThat(instance.path("tags")).extracting(JsonNode::asText).containsExactly("compat");
        assertThat(names(instance.path("user"))).contains("id", "emailAddress", "firstName", "lastName");

        JsonNode element = instance.path("element");
        assertThat(element.path("id").asLong()).isEqualTo(48);
        assertThat(element.path("name").asText()).isEqualTo("Facebook");
        assertThat(element.path("key").asText()).isEqualTo("facebooksocial");
        assertThat(element.path("description").asText()).isEqualTo("Add a Facebook Instance to connect your existing "
                + "Facebook account to the Social Hub, allowing you to manage photos and posts across multiple Social "
                + "Elements. You will need your Facebook account information to add an instance.");
        assertThat(element.path("image").asText()).isEqualTo("elements/provider_facebook.png");
        assertThat(element.path("active").asBoolean()).isTrue();
        assertThat(element.path("deleted").isBoolean()).isTrue();
        assertThat(element.path("deleted").asBoolean()).isFalse();
        assertThat(element.path("typeOauth").asBoolean()).isTrue();
        assertThat(element.path("trialAccount").isBoolean()).isTrue();
        assertThat(element.path("configDescription").asText()).isEqualTo("If you do not have an Facebook account, you "
                + "can create one at https://www.facebook.com");
        assertThat(element.path("signupURL").asText()).isEqualTo("https://www.facebook.com");
        // The example says true; there are no transformations here, so the element says false (README).
        assertThat(element.path("transformationsEnabled").isBoolean()).isTrue();
        assertThat(element.path("authentication").path("type").asText()).isEqualTo("oauth2");
        assertThat(element.path("hub").asText()).isEqualTo("social");
        assertThat(element.path("parameters").isArray()).isTrue();

        JsonNode configuration = instance.path("configuration");
        assertThat(names(configuration)).contains("base.url", "oauth.api.secret", "oauth.token.url", "pagination.max",
                "oauth.scope", "oauth.user.token", "oauth.authorization.url", "pagination.offset",
                "oauth.callback.url", "oauth.user.refresh_interval", "oauth.api.key", "oauth.user.refresh_time");
        assertThat(configuration.path("pagination.max").asText()).isEqualTo("100");
        assertThat(configuration.path("pagination.offset").asText()).isEqualTo("false");
        assertThat(configuration.path("oauth.user.refresh_interval").asText()).isEqualTo("3600");
        assertThat(configuration.path("oauth.callback.url").asText()).isEqualTo(CompatServer.CALLBACK);
        assertThat(configuration.path("oauth.scope").asText()).isEqualTo("public_profile");
        assertThat(configuration.path("oauth.api.key").asText()).isEqualTo(server.app.id());
        // Deliberate: secrets are masked in every answer (API.md), where the example showed them.
        assertThat(configuration.path("oauth.api.secret").asText()).isEqualTo("********");
        assertThat(configuration.path("oauth.user.token").asText()).isEqualTo("********");
        assertThat(created.body()).doesNotContain(CompatServer.APP_SECRET);
    }

    @Test
    void theRetainedElementTokenCallsTheSocialHub() {
        TestResponse created = server.provisionAsTheSeedDoes("Hub");
        String token = created.json().path("token").asText();

        TestResponse me = server.withAuthorization("User " + CompatServer.USER_SECRET + ", Organization "
                + CompatServer.ORGANIZATION_SECRET + ", Element " + token).get("/hubs/social/user/me");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("id").asText()).isEqualTo(server.ada.id());
        assertThat(me.header("Elements-Request-Id")).matches("[0-9a-f]{24}");
    }

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String json(Object body) {
        return ElementsApi.json(body);
    }
}
