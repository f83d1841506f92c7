package dev.elements.facebook.fake;

import static dev.elements.facebook.fake.QueryStrings.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebugTokenTest extends FakeFacebookFixture {

    @Test
    void describesAValidUserTokenInsideData() {
        String token = facebook.issueUserToken(app, ada, "email", "user_posts");
        long now = facebook.now().getEpochSecond();

        TestResponse response = http.get(facebook.debugTokenUrl() + "?input_token=" + token
                + "&access_token=" + encode(app.appToken()));

        assertThat(response.status()).isEqualTo(200);
        JsonNode data = response.json().get("data");
        assertThat(data.get("app_id").asText()).isEqualTo(app.id());
        assertThat(data.get("type").asText()).isEqualTo("USER");
        assertThat(data.get("application").asText()).isNotBlank();
        assertThat(data.get("is_valid").asBoolean()).isTrue();
        assertThat(data.get("user_id").asText()).isEqualTo(ada.id());
        assertThat(texts(data.get("scopes"))).containsExactlyInAnyOrder("email", "user_posts", "public_profile");
        assertThat(data.get("granular_scopes")).hasSize(3);
        assertThat(data.get("issued_at").asLong()).isBetween(now - 5, now + 5);
        assertThat(data.get("expires_at").asLong() - data.get("issued_at").asLong()).isEqualTo(5_183_944);
        assertThat(data.get("data_access_expires_at").asLong()).isGreaterThan(data.get("issued_at").asLong());
        assertThat(data.has("error")).isFalse();
        assertThat(facebook.debugTokenCalls()).isEqualTo(1);
    }

    @Test
    void acceptsTheAppTokenAsBearerHeader() {
        String token = facebook.issueUserToken(app, ada);

        TestResponse response = http.withHeader("Authorization", "Bearer " + app.appToken())
                .get(facebook.debugTokenUrl() + "?input_token=" + token);

        assertThat(response.json().at("/data/is_valid").asBoolean()).isTrue();
    }

    @Test
    void reportsBrokenTokensWithStatus200AndIsValidFalse() {
        String expired = facebook.issueUserToken(app, ada);
        facebook.expire(expired);
        FakeUser grace = facebook.createUser("Grace Hopper");
        String revoked = facebook.issueUserToken(app, grace);
        facebook.revoke(grace);

        JsonNode unknown = debug("EAAnonsense");
        JsonNode expiredData = debug(expired);
        JsonNode revokedData = debug(revoked);

        assertThat(unknown.get("is_valid").asBoolean()).isFalse();
        assertThat(unknown.at("/error/code").asInt()).isEqualTo(190);
        assertThat(expiredData.get("is_valid").asBoolean()).isFalse();
        assertThat(expiredData.at("/error/code").asInt()).isEqualTo(190);
        assertThat(expiredData.at("/error/subcode").asInt()).isEqualTo(463);
        assertThat(expiredData.at("/error/message").asText()).startsWith("Session has expired on");
        assertThat(expiredData.get("user_id").asText()).isEqualTo(ada.id());
        assertThat(revokedData.get("is_valid").asBoolean()).isFalse();
        assertThat(revokedData.at("/error/subcode").asInt()).isEqualTo(458);
    }

    @Test
    void pageTokensArePageTypedAndNeverExpire() {
        FakePage page = facebook.addPage(ada, "Analytical Engines");
        facebook.issueUserToken(app, ada, "pages_show_list", "pages_manage_posts");
        String pageToken = facebook.pageTokenFor(app, page);

        JsonNode data = debug(pageToken);

        assertThat(data.get("type").asText()).isEqualTo("PAGE");
        assertThat(data.get("expires_at").asLong()).isZero();
        assertThat(data.get("profile_id").asText()).isEqualTo(page.id());
        assertThat(data.at("/granular_scopes/1/target_ids/0").asText()).isEqualTo(page.id());
    }

    @Test
    void refusesAWrongAppTokenWithError190() {
        TestResponse response = http.get(facebook.debugTokenUrl() + "?input_token=x&access_token="
                + encode(app.id() + "|wrong"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/code").asInt()).isEqualTo(190);
    }

    @Test
    void refusesAUserTokenAsCaller() {
        String token = facebook.issueUserToken(app, ada);

        TestResponse response = http.get(facebook.debugTokenUrl() + "?input_token=" + token
                + "&access_token=" + token);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/code").asInt()).isEqualTo(190);
    }

    private JsonNode debug(String inputToken) {
        TestResponse response = http.get(facebook.debugTokenUrl() + "?input_token=" + inputToken
                + "&access_token=" + encode(app.appToken()));
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("data");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
