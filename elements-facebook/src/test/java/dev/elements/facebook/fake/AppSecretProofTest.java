package dev.elements.facebook.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppSecretProofTest {

    private final TestHttpClient http = TestHttpClient.withoutBase();
    private FakeFacebook facebook;
    private FakeApp app;
    private String token;

    @BeforeEach
    void start() {
        facebook = FakeFacebook.start();
        app = facebook.registerApp("1234567890", "s3cr3t");
        token = facebook.issueUserToken(app, facebook.createUser("Ada Lovelace"));
    }

    @AfterEach
    void stop() {
        facebook.close();
    }

    @Test
    void aRightProofIsAccepted() throws Exception {
        TestResponse response = me("&appsecret_proof=" + hmacSha256Hex(app.secret(), token));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void theFakesProofHelperAgreesWithAnIndependentHmac() throws Exception {
        assertThat(AppSecretProof.of(app.secret(), token)).isEqualTo(hmacSha256Hex(app.secret(), token));
    }

    @Test
    void aWrongProofIsError100() throws Exception {
        TestResponse response = me("&appsecret_proof=" + hmacSha256Hex("other-secret", token));

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(100);
        assertThat(error.get("message").asText()).isEqualTo("Invalid appsecret_proof provided in the API argument");
    }

    @Test
    void aMissingProofIsFineUntilTheAppRequiresIt() throws Exception {
        assertThat(me("").status()).isEqualTo(200);

        facebook.requireAppSecretProof(app.id(), true);
        TestResponse missing = me("");
        TestResponse present = me("&appsecret_proof=" + hmacSha256Hex(app.secret(), token));

        assertThat(missing.status()).isEqualTo(400);
        JsonNode error = missing.json().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(100);
        assertThat(error.get("message").asText()).contains("appsecret_proof");
        assertThat(present.status()).isEqualTo(200);
    }

    @Test
    void theTimedProofIsAccepted() throws Exception {
        facebook.requireAppSecretProof(app.id(), true);
        long time = facebook.now().getEpochSecond();

        TestResponse right = me("&appsecret_time=" + time + "&appsecret_proof="
                + hmacSha256Hex(app.secret(), token + "|" + time));
        TestResponse plainProofWithTime = me("&appsecret_time=" + time + "&appsecret_proof="
                + hmacSha256Hex(app.secret(), token));

        assertThat(right.status()).isEqualTo(200);
        assertThat(plainProofWithTime.status()).isEqualTo(400);
    }

    @Test
    void aRequiredProofAlsoGuardsFollowedNextLinks() throws Exception {
        facebook.requireAppSecretProof(app.id(), true);
        FakeUser ada = facebook.createUser("Grace Hopper");
        String graceToken = facebook.issueUserToken(app, ada);
        for (int number = 0; number < 3; number++) {
            facebook.addPost(ada, "post " + number);
        }
        String proof = hmacSha256Hex(app.secret(), graceToken);
        JsonNode first = http.get(facebook.graphUrl() + "/me/posts?limit=1&access_token=" + graceToken
                + "&appsecret_proof=" + proof).json();
        String next = first.at("/paging/next").asText();

        assertThat(http.get(next).status()).as("next links carry no proof").isEqualTo(400);
        assertThat(http.get(next + "&appsecret_proof=" + proof).status()).isEqualTo(200);
    }

    private TestResponse me(String extraQuery) {
        return http.get(facebook.graphUrl() + "/me?access_token=" + token + extraQuery);
    }

    /** Computed here with javax.crypto, not with the fake's code, so the test checks Facebook's formula. */
    private static String hmacSha256Hex(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
