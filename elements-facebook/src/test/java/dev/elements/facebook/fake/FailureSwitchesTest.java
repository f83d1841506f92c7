package dev.elements.facebook.fake;

import static dev.elements.facebook.fake.QueryStrings.params;
import static dev.elements.testing.TestHttpClient.formEncoded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.TestResponse;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailureSwitchesTest extends FakeFacebookFixture {

    private static final String CALLBACK = "https://elements.test/callback";

    private String token;

    FailureSwitchesTest() {
        super(CALLBACK);
    }

    @BeforeEach
    void issueToken() {
        token = facebook.issueUserToken(app, ada);
    }

    @Test
    void queuedGraphErrorsAreServedInOrderThenCallsSucceed() {
        facebook.failNextGraphCalls(2, GraphError.userRequestLimit());
        facebook.failNextGraphCalls(1, GraphError.serviceUnavailable());

        TestResponse first = me();
        TestResponse second = me();
        TestResponse third = me();
        TestResponse fourth = me();

        assertThat(first.json().at("/error/code").asInt()).isEqualTo(17);
        assertThat(first.json().at("/error/is_transient").asBoolean()).isTrue();
        assertThat(second.json().at("/error/code").asInt()).isEqualTo(17);
        assertThat(third.status()).isEqualTo(503);
        assertThat(third.json().at("/error/code").asInt()).isEqualTo(2);
        assertThat(fourth.status()).isEqualTo(200);
        assertThat(facebook.graphCalls()).isEqualTo(4);
    }

    @Test
    void queuedGraphErrorsLeaveTheTokenEndpointAlone() {
        facebook.failNextGraphCalls(1, GraphError.unknownError());

        TestResponse exchange = http.get(facebook.tokenUrl() + "?" + formEncoded(params("client_id", app.id(),
                "client_secret", app.secret(), "redirect_uri", CALLBACK,
                "code", facebook.issueCode(app, ada, CALLBACK))));

        assertThat(exchange.status()).isEqualTo(200);
        assertThat(me().json().at("/error/code").asInt()).isEqualTo(1);
    }

    @Test
    void everyErrorClassHelperCarriesItsCode() {
        GraphError[] errors = {GraphError.invalidToken(), GraphError.applicationRequestLimit(),
            GraphError.userRequestLimit(), GraphError.pageRequestLimit(), GraphError.customRateLimit(),
            GraphError.pagesBusinessUseCaseLimit(), GraphError.permissionDenied(), GraphError.permissionError(),
            GraphError.invalidParameter(), GraphError.unknownError(), GraphError.serviceUnavailable()};
        int[] codes = {190, 4, 17, 32, 613, 80001, 10, 200, 100, 1, 2};
        for (GraphError error : errors) {
            facebook.failNextGraphCalls(1, error);
        }

        for (int index = 0; index < codes.length; index++) {
            JsonNode error = me().json().get("error");
            assertThat(error.get("code").asInt()).isEqualTo(codes[index]);
            assertThat(error.get("message").asText()).isNotBlank();
            assertThat(error.get("fbtrace_id").asText()).isNotBlank();
        }
    }

    @Test
    void latencyHoldsEveryAnswerBackWithoutLosingIt() throws Exception {
        facebook.setLatency(Duration.ofMillis(300));
        assertThat(me().status()).as("a late answer is still an answer").isEqualTo(200);

        // Far longer than the client waits, so that only the latency can explain the timeout (no
        // clock is read here); closing the fake cuts the held answer off.
        facebook.setLatency(Duration.ofSeconds(30));
        HttpRequest impatient = http.request(facebook.graphUrl() + "/me?access_token=" + token)
                .timeout(Duration.ofMillis(100)).build();
        assertThatThrownBy(() -> http.sendOrFail(impatient)).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void downDropsTheConnectionWithoutAnAnswerUntilBackUp() throws Exception {
        facebook.setDown(true);
        HttpRequest request = http.request(facebook.graphUrl() + "/me?access_token=" + token)
                .timeout(Duration.ofSeconds(5)).build();
        HttpRequest tokenRequest = http.request(facebook.tokenUrl())
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=fb_exchange_token")).build();

        assertThatThrownBy(() -> http.sendOrFail(request)).isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        assertThatThrownBy(() -> http.sendOrFail(tokenRequest)).isInstanceOf(IOException.class);

        facebook.setDown(false);
        assertThat(http.sendOrFail(request).status()).isEqualTo(200);
    }

    @Test
    void garbageAnswers200WithHtml() {
        facebook.setGarbage(true);

        TestResponse graph = me();
        TestResponse tokenEndpoint = http.get(facebook.tokenUrl() + "?client_id=" + app.id());

        for (TestResponse response : java.util.List.of(graph, tokenEndpoint)) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(response.body()).startsWith("<!DOCTYPE html>");
        }
    }

    @Test
    void aRevokedUserGets190Subcode458UntilTheyLogInAgain() {
        facebook.revoke(ada);

        TestResponse refused = me();
        String fresh = facebook.issueUserToken(app, ada);

        JsonNode error = refused.json().get("error");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(error.get("code").asInt()).isEqualTo(190);
        assertThat(error.get("error_subcode").asInt()).isEqualTo(458);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
        assertThat(facebook.isValidToken(token)).isFalse();
        assertThat(http.get(facebook.graphUrl() + "/me?access_token=" + fresh).status()).isEqualTo(200);
    }

    @Test
    void revokingOneAppLeavesTheUsersOtherAppsWorking() {
        FakeApp other = facebook.registerApp("222", "other-secret");
        String otherToken = facebook.issueUserToken(other, ada);

        facebook.revoke(ada, app);

        assertThat(facebook.isValidToken(token)).isFalse();
        assertThat(facebook.isValidToken(otherToken)).isTrue();
    }

    @Test
    void anExpiredTokenGets190Subcode463() {
        facebook.expire(token);

        JsonNode error = me().json().get("error");

        assertThat(error.get("code").asInt()).isEqualTo(190);
        assertThat(error.get("error_subcode").asInt()).isEqualTo(463);
        assertThat(error.get("message").asText()).startsWith("Error validating access token: Session has expired");
    }

    @Test
    void tokensExpireOnTheFakesClock() {
        facebook.setCodeTokenLifetime(Duration.ofHours(1));
        String shortLived = facebook.issueUserToken(app, ada);

        facebook.advanceClock(Duration.ofMinutes(61));

        assertThat(facebook.isValidToken(shortLived)).isFalse();
        assertThat(http.get(facebook.graphUrl() + "/me?access_token=" + shortLived).json()
                .at("/error/error_subcode").asInt()).isEqualTo(463);
    }

    @Test
    void garbageTokensGet190WithoutSubcode() {
        TestResponse response = http.get(facebook.graphUrl() + "/me?access_token=garbage");

        JsonNode error = response.json().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(190);
        assertThat(error.has("error_subcode")).isFalse();
        assertThat(error.get("message").asText()).isEqualTo("Invalid OAuth access token - Cannot parse access token");
    }

    @Test
    void deletingPermissionsDeauthorizesTheApp() {
        JsonNode deleted = GraphNodesTest.ok(http.delete(facebook.graphUrl() + "/me/permissions?access_token=" + token));

        assertThat(deleted.get("success").asBoolean()).isTrue();
        assertThat(me().json().at("/error/error_subcode").asInt()).isEqualTo(458);
    }

    private TestResponse me() {
        return http.get(facebook.graphUrl() + "/me?access_token=" + token);
    }
}
