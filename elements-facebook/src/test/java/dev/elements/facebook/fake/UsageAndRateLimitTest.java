package dev.elements.facebook.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.TestResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsageAndRateLimitTest extends FakeFacebookFixture {

    private String token;

    @BeforeEach
    void issueToken() {
        token = facebook.issueUserToken(app, ada);
    }

    @Test
    void usageRisesWithEachCallAndTheAppIsCutOffWithCode4() {
        facebook.setAppCallBudget(app.id(), 5);

        List<Integer> callCounts = new ArrayList<>();
        for (int call = 0; call < 5; call++) {
            TestResponse response = me();
            assertThat(response.status()).isEqualTo(200);
            callCounts.add(appUsage(response).get("call_count").asInt());
        }
        TestResponse limited = me();

        assertThat(callCounts).containsExactly(20, 40, 60, 80, 100);
        JsonNode usage = appUsage(limited);
        assertThat(usage.has("total_time")).isTrue();
        assertThat(usage.has("total_cputime")).isTrue();
        assertThat(limited.status()).isIn(400, 403);
        JsonNode error = limited.json().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(4);
        assertThat(error.get("message").asText()).isEqualTo("(#4) Application request limit reached");
        assertThat(error.get("is_transient").asBoolean()).isTrue();
    }

    @Test
    void accessComesBackWhenTheCallsLeaveTheRollingHour() {
        facebook.setAppCallBudget(app.id(), 2);
        me();
        me();
        assertThat(me().json().at("/error/code").asInt()).isEqualTo(4);

        facebook.advanceClock(Duration.ofMinutes(61));
        TestResponse later = me();

        assertThat(later.status()).isEqualTo(200);
        assertThat(appUsage(later).get("call_count").asInt()).isEqualTo(50);
    }

    @Test
    void theDefaultBudgetIs200CallsPerHourForEachUserOfTheApp() {
        for (int call = 0; call < 3; call++) {
            me();
        }
        assertThat(callCount(me())).as("4 calls of 200").isEqualTo(2);

        facebook.issueUserToken(app, facebook.createUser("Grace Hopper"));

        assertThat(callCount(me())).as("5 calls of 400").isEqualTo(1);
    }

    @Test
    void eachAppHasItsOwnBudget() {
        facebook.setAppCallBudget(app.id(), 10);
        me();
        me();
        FakeApp other = facebook.registerApp("222", "other-secret");
        String otherToken = facebook.issueUserToken(other, ada);

        TestResponse otherCall = http.get(facebook.graphUrl() + "/me?access_token=" + otherToken);

        assertThat(callCount(otherCall)).isZero();
        assertThat(callCount(me())).isEqualTo(30);
    }

    @Test
    void pageTokenCallsReportBusinessUseCaseUsageForThePage() {
        FakePage page = facebook.addPage(ada, "Analytical Engines");
        String pageToken = facebook.pageTokenFor(app, page);
        facebook.setPageCallBudget(page.id(), 4);

        TestResponse response = http.get(facebook.graphUrl() + "/me?access_token=" + pageToken);

        assertThat(response.headers().firstValue("X-App-Usage")).isPresent();
        JsonNode businessUsage = headerJson(response, "X-Business-Use-Case-Usage");
        JsonNode bucket = businessUsage.get(page.id()).get(0);
        assertThat(bucket.get("type").asText()).isEqualTo("pages");
        assertThat(bucket.get("call_count").asInt()).isEqualTo(25);
        assertThat(bucket.has("total_cputime")).isTrue();
        assertThat(bucket.has("total_time")).isTrue();
        assertThat(bucket.get("estimated_time_to_regain_access").asInt()).isZero();
        assertThat(me().headers().firstValue("X-Business-Use-Case-Usage")).as("user tokens have none").isEmpty();
    }

    @Test
    void aPageOverItsBudgetGetsTheBusinessUseCaseError() {
        FakePage page = facebook.addPage(ada, "Analytical Engines");
        String pageToken = facebook.pageTokenFor(app, page);
        facebook.setPageCallBudget(page.id(), 1);
        http.get(facebook.graphUrl() + "/me?access_token=" + pageToken);

        TestResponse limited = http.get(facebook.graphUrl() + "/me?access_token=" + pageToken);

        assertThat(limited.json().at("/error/code").asInt()).isEqualTo(80001);
        JsonNode bucket = headerJson(limited, "X-Business-Use-Case-Usage")
                .get(page.id()).get(0);
        assertThat(bucket.get("call_count").asInt()).isEqualTo(100);
        assertThat(bucket.get("estimated_time_to_regain_access").asInt()).isBetween(59, 60);
    }

    private TestResponse me() {
        return http.get(facebook.graphUrl() + "/me?access_token=" + token);
    }

    private static int callCount(TestResponse response) {
        return appUsage(response).get("call_count").asInt();
    }

    private static JsonNode appUsage(TestResponse response) {
        return headerJson(response, "X-App-Usage");
    }

    /** Facebook's usage headers carry JSON. */
    private static JsonNode headerJson(TestResponse response, String name) {
        String value = response.headers().firstValue(name).orElseThrow();
        try {
            return TestResponse.JSON.readTree(value);
        } catch (JsonProcessingException notJson) {
            throw new AssertionError("Not JSON in " + name + ": " + value, notJson);
        }
    }
}
