package dev.elements.facebook.fake;

import static dev.elements.facebook.fake.QueryStrings.params;
import static dev.elements.facebook.fake.QueryStrings.queryOf;
import static dev.elements.testing.TestHttpClient.formEncoded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.TestResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenEndpointTest extends FakeFacebookFixture {

    private static final String CALLBACK = "https://elements.test/callback";
    /** What Facebook reports for a long-lived token: about 60 days. */
    private static final long SIXTY_DAYS_AS_FACEBOOK_SAYS = 5_183_944;

    TokenEndpointTest() {
        super(CALLBACK);
    }

    @Test
    void exchangesACodeWithGetAndAnswersOnlyAccessTokenTypeAndExpiry() {
        String code = facebook.issueCode(app, ada, CALLBACK, "email");

        TestResponse response = exchangeWithGet(code, CALLBACK, app.secret());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.get("access_token").asText()).startsWith("EAA");
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(SIXTY_DAYS_AS_FACEBOOK_SAYS);
        assertThat(body.has("refresh_token")).as("Facebook has no refresh tokens").isFalse();
        assertThat(body.has("scope")).isFalse();
        assertThat(facebook.isValidToken(body.get("access_token").asText())).isTrue();
        assertThat(facebook.latestTokenOf(ada)).contains(body.get("access_token").asText());
        assertThat(facebook.codeExchanges()).isEqualTo(1);
    }

    @Test
    void exchangesACodeWithAPostedFormToo() {
        String code = facebook.issueCode(app, ada, CALLBACK);

        TestResponse response = http.postForm(facebook.tokenUrl(), params("grant_type", "authorization_code",
                "code", code, "redirect_uri", CALLBACK, "client_id", app.id(), "client_secret", app.secret()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("access_token").asText()).startsWith("EAA");
        RecordedRequest recorded = facebook.requests().get(0);
        assertThat(recorded.method()).isEqualTo("POST");
        assertThat(recorded.path()).isEqualTo("/oauth/access_token");
        assertThat(recorded.apiVersion()).isEqualTo("v25.0");
        assertThat(recorded.bodyParameters()).containsEntry("code", code);
    }

    @Test
    void theTokenLifetimeOfTheCodeGrantIsConfigurable() {
        facebook.setCodeTokenLifetime(Duration.ofHours(2));

        JsonNode body = exchangeWithGet(facebook.issueCode(app, ada, CALLBACK), CALLBACK, app.secret()).json();

        assertThat(body.get("expires_in").asLong()).isEqualTo(7200);
    }

    @Test
    void aCodeWorksOnce() {
        String code = facebook.issueCode(app, ada, CALLBACK);
        exchangeWithGet(code, CALLBACK, app.secret());

        TestResponse second = exchangeWithGet(code, CALLBACK, app.secret());

        assertGraphError(second, 100, 36009, "This authorization code has been used.");
        assertThat(second.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("OAuth \"Facebook Platform\" \"invalid_request\"");
        assertThat(facebook.codeExchanges()).isEqualTo(2);
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        String early = facebook.issueCode(app, ada, CALLBACK);
        String late = facebook.issueCode(app, ada, CALLBACK);

        facebook.advanceClock(Duration.ofMinutes(9));
        assertThat(exchangeWithGet(early, CALLBACK, app.secret()).status()).isEqualTo(200);
        facebook.advanceClock(Duration.ofMinutes(2));
        TestResponse expired = exchangeWithGet(late, CALLBACK, app.secret());

        assertGraphError(expired, 100, 36007, "This authorization code has expired.");
    }

    @Test
    void theRedirectUriMustBeIdenticalToTheDialogs() {
        String code = facebook.issueCode(app, ada, CALLBACK);

        TestResponse response = exchangeWithGet(code, CALLBACK + "/", app.secret());

        assertGraphError(response, 100, 36008, "Error validating verification code. Please make sure your "
                + "redirect_uri is identical to the one you used in the OAuth dialog request");
    }

    @Test
    void aMismatchedRedirectDoesNotBurnTheCode() {
        String code = facebook.issueCode(app, ada, CALLBACK);
        exchangeWithGet(code, "https://elements.test/other", app.secret());

        assertThat(exchangeWithGet(code, CALLBACK, app.secret()).status()).isEqualTo(200);
    }

    @Test
    void aWrongSecretIsRefused() {
        TestResponse response = exchangeWithGet(facebook.issueCode(app, ada, CALLBACK), CALLBACK, "nope");

        assertGraphError(response, 1, null, "Error validating client secret.");
    }

    @Test
    void anUnknownClientIdIsRefused() {
        TestResponse response = http.get(facebook.tokenUrl() + "?" + formEncoded(params("client_id", "42",
                "client_secret", app.secret(), "redirect_uri", CALLBACK, "code", "AQxyz")));

        assertGraphError(response, 101, null, "Error validating application. Invalid application ID.");
    }

    @Test
    void anUnknownOrForeignCodeIsRefused() {
        FakeApp other = facebook.registerApp("222", "other-secret", CALLBACK);
        String foreign = facebook.issueCode(other, ada, CALLBACK);

        assertGraphError(exchangeWithGet("AQnot-a-real-code", CALLBACK, app.secret()), 100, null,
                "Invalid verification code format.");
        assertGraphError(exchangeWithGet(foreign, CALLBACK, app.secret()), 100, null,
                "Invalid verification code format.");
    }

    @Test
    void thereIsNoRefreshTokenGrant() {
        TestResponse response = http.postForm(facebook.tokenUrl(), params("grant_type", "refresh_token",
                "refresh_token", "anything", "client_id", app.id(), "client_secret", app.secret()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/code").asInt()).isEqualTo(100);
    }

    @Test
    void exchangesAValidTokenForANewLongLivedOneAndKeepsTheOldOneWorking() {
        String shortLived = facebook.issueUserToken(app, ada, "email");

        TestResponse response = longLivedExchange(shortLived);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        String longLived = body.get("access_token").asText();
        assertThat(longLived).isNotEqualTo(shortLived).startsWith("EAA");
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(SIXTY_DAYS_AS_FACEBOOK_SAYS);
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(facebook.isValidToken(shortLived)).isTrue();
        assertThat(facebook.scopesOf(longLived)).containsExactlyInAnyOrder("email", "public_profile");
        assertThat(http.get(facebook.graphUrl() + "/me?access_token=" + longLived).status()).isEqualTo(200);
        assertThat(http.get(facebook.graphUrl() + "/me?access_token=" + shortLived).status()).isEqualTo(200);
        assertThat(facebook.longLivedExchanges()).isEqualTo(1);
    }

    @Test
    void anExpiredTokenCannotBeExchanged() {
        String token = facebook.issueUserToken(app, ada);
        facebook.expire(token);

        TestResponse response = longLivedExchange(token);

        assertGraphError(response, 190, 463, null);
        assertThat(response.json().at("/error/message").asText())
                .startsWith("Error validating access token: Session has expired on");
    }

    @Test
    void aTokenOfAUserWhoRemovedTheAppCannotBeExchanged() {
        String token = facebook.issueUserToken(app, ada);
        facebook.revoke(ada);

        TestResponse response = longLivedExchange(token);

        assertGraphError(response, 190, 458, null);
        assertThat(response.json().at("/error/message").asText())
                .contains("The user has not authorized application " + app.id());
    }

    @Test
    void anUnknownTokenCannotBeExchanged() {
        assertGraphError(longLivedExchange("EAAgarbage"), 190, null,
                "Invalid OAuth access token - Cannot parse access token");
    }

    @Test
    void theLongLivedExchangeChecksTheAppSecret() {
        String token = facebook.issueUserToken(app, ada);

        TestResponse response = http.get(facebook.tokenUrl() + "?" + formEncoded(params(
                "grant_type", "fb_exchange_token", "client_id", app.id(), "client_secret", "wrong",
                "fb_exchange_token", token)));

        assertGraphError(response, 1, null, "Error validating client secret.");
    }

    @Test
    void clientCredentialsGiveTheAppToken() {
        TestResponse response = http.get(facebook.tokenUrl() + "?" + formEncoded(params(
                "grant_type", "client_credentials", "client_id", app.id(), "client_secret", app.secret())));

        assertThat(response.json().get("access_token").asText()).isEqualTo(app.id() + "|" + app.secret());
    }

    @Test
    void queuedTokenFailuresHitOnlyTheTokenEndpoint() {
        facebook.failNextTokenCalls(1, GraphError.serviceUnavailable());
        String code = facebook.issueCode(app, ada, CALLBACK);

        TestResponse failed = exchangeWithGet(code, CALLBACK, app.secret());
        TestResponse retried = exchangeWithGet(code, CALLBACK, app.secret());

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.json().at("/error/code").asInt()).isEqualTo(2);
        assertThat(retried.status()).as("the failed call did not use the code").isEqualTo(200);
    }

    @Test
    void pkceCodesNeedTheMatchingVerifier() throws Exception {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String challenge = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        TestResponse dialog = http.get(facebook.authorizationUrl() + "?" + formEncoded(params(
                "client_id", app.id(), "redirect_uri", CALLBACK, "code_challenge", challenge,
                "code_challenge_method", "S256")));
        String code = queryOf(dialog.headers().firstValue("Location").orElseThrow()).get("code");

        TestResponse wrong = http.get(facebook.tokenUrl() + "?" + formEncoded(params("client_id", app.id(),
                "redirect_uri", CALLBACK, "code", code, "code_verifier", "not-the-verifier")));
        TestResponse right = http.get(facebook.tokenUrl() + "?" + formEncoded(params("client_id", app.id(),
                "redirect_uri", CALLBACK, "code", code, "code_verifier", verifier)));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(right.status()).isEqualTo(200);
    }

    private TestResponse exchangeWithGet(String code, String redirectUri, String secret) {
        Map<String, String> query = params("client_id", app.id(), "redirect_uri", redirectUri,
                "client_secret", secret, "code", code);
        return http.get(facebook.tokenUrl() + "?" + formEncoded(query));
    }

    private TestResponse longLivedExchange(String token) {
        return http.get(facebook.tokenUrl() + "?" + formEncoded(params("grant_type", "fb_exchange_token",
                "client_id", app.id(), "client_secret", app.secret(), "fb_exchange_token", token)));
    }

    /** Facebook's error object: HTTP 400, type OAuthException, the code, the subcode if any, a trace id. */
    static void assertGraphError(TestResponse response, int code, Integer subcode, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode error = response.json().get("error");
        assertThat(error.get("type").asText()).isEqualTo("OAuthException");
        assertThat(error.get("code").asInt()).isEqualTo(code);
        if (subcode == null) {
            assertThat(error.has("error_subcode")).isFalse();
        } else {
            assertThat(error.get("error_subcode").asInt()).isEqualTo(subcode);
        }
        if (message != null) {
            assertThat(error.get("message").asText()).isEqualTo(message);
        }
        assertThat(error.get("fbtrace_id").asText()).isNotBlank();
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("OAuth \"Facebook Platform\"");
    }
}
