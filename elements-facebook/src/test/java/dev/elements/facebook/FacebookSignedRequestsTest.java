package dev.elements.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.Configuration;
import dev.elements.core.spi.event.AccountNotices;
import dev.elements.facebook.fake.FakeFacebook;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The deauthorize and data deletion callbacks' {@code signed_request}, as the fake Facebook signs it. */
class FacebookSignedRequestsTest {
    private static final String APP_SECRET = "signed-request-secret-77c1";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final AccountNotices notices = new FacebookElementProvider().accountNotices().orElseThrow();
    private final FakeFacebook facebook = FakeFacebook.start();

    @AfterEach
    void stop() {
        facebook.close();
    }

    @Test
    void aSignedRequestOfTheAppNamesItsUser() {
        String signed = signed(APP_SECRET, Map.of("user_id", "12345678"));

        assertThat(notices.account(signed)).contains("12345678");
        assertThat(notices.authentic(signed, withAppSecret(APP_SECRET))).isTrue();
    }

    @Test
    void aForgedOrForeignSignedRequestIsNotAuthentic() {
        String signed = signed(APP_SECRET, Map.of("user_id", "12345678"));
        String otherUser = signed(APP_SECRET, Map.of("user_id", "87654321"));
        String forged = signed.substring(0, signed.indexOf('.')) + otherUser.substring(otherUser.indexOf('.'));

        assertThat(notices.account(forged)).as("read without trusting it").contains("87654321");
        assertThat(notices.authentic(forged, withAppSecret(APP_SECRET))).isFalse();
        assertThat(notices.authentic(signed(APP_SECRET, Map.of("user_id", "1")), withAppSecret("another-secret")))
                .isFalse();
        assertThat(notices.authentic(signed, Configuration.of(Map.of()))).as("no app secret").isFalse();
    }

    @Test
    void onlyHmacSha256IsAccepted() {
        String lowerCase = signed(APP_SECRET, Map.of("user_id", "1", "algorithm", "hmac-sha256"));
        assertThat(notices.authentic(lowerCase, withAppSecret(APP_SECRET))).isTrue();

        for (String algorithm : List.of("HMAC-SHA1", "none", "", "HMAC-SHA256 ")) {
            String other = signed(APP_SECRET, Map.of("user_id", "1", "algorithm", algorithm));
            assertThat(notices.authentic(other, withAppSecret(APP_SECRET))).as(algorithm).isFalse();
            assertMalformed(other);
        }
        String noAlgorithm = sign(APP_SECRET, "{\"user_id\":\"1\",\"issued_at\":1}");
        assertThat(notices.authentic(noAlgorithm, withAppSecret(APP_SECRET))).isFalse();
        assertMalformed(noAlgorithm);
    }

    @Test
    void aMalformedSignedRequestIsRefused() {
        String valid = signed(APP_SECRET, Map.of("user_id", "1"));
        String signature = valid.substring(0, valid.indexOf('.'));
        List<String> malformed = List.of("", ".", "abc", valid + ".x", "." + valid.substring(valid.indexOf('.') + 1),
                signature + ".", signature + ".!!!", "***." + valid.substring(valid.indexOf('.') + 1),
                sign(APP_SECRET, "not json"), sign(APP_SECRET, "[1]"),
                signature + "." + BASE64URL.encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe}),
                "a".repeat(10_000) + "." + valid);
        for (String notice : malformed) {
            assertThat(notices.authentic(notice, withAppSecret(APP_SECRET))).as(notice).isFalse();
            assertMalformed(notice);
        }
        assertThat(notices.authentic(null, withAppSecret(APP_SECRET))).isFalse();
    }

    @Test
    void aPageUninstallNamesNoUser() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("user_id", null);
        payload.put("profile_id", "1234567890321");
        String signed = signed(APP_SECRET, payload);

        assertThat(notices.account(signed)).isEmpty();
        assertThat(notices.authentic(signed, withAppSecret(APP_SECRET))).isTrue();
    }

    private void assertMalformed(String notice) {
        assertThatThrownBy(() -> notices.account(notice)).as(notice)
                .isInstanceOfSatisfying(PlatformException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST))
                .hasMessageContaining("signed_request");
    }

    /** As the fake Facebook signs it: {@code algorithm} and {@code issued_at} added unless given. */
    private String signed(String appSecret, Map<String, Object> payload) {
        return facebook.webhooks().signedRequest(appSecret, new HashMap<>(payload));
    }

    /** A signed_request of any payload text, signed here apart from the fake. */
    private static String sign(String appSecret, String payload) {
        String encoded = BASE64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return BASE64URL.encodeToString(AppSecretSignature.of(appSecret, encoded.getBytes(StandardCharsets.US_ASCII)))
                + "." + encoded;
    }

    private static Configuration withAppSecret(String appSecret) {
        return Configuration.of(Map.of("oauth.api.secret", appSecret));
    }
}
