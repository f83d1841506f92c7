package dev.elements.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.elements.core.hub.HubResult;
import dev.elements.core.hub.ProviderUsage;
import dev.elements.core.instance.Configuration;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.ProviderHttpResponse;
import dev.elements.facebook.fake.FakePage;
import dev.elements.facebook.fake.GraphError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Facebook's refusals and failures during hub calls, classified, and the usage it reports. */
class FacebookHubErrorsTest {
    private static final String BUCKET = "facebooksocial:app:" + HubFixture.APP_ID;

    private HubFixture fixture;

    @BeforeEach
    void start() {
        fixture = new HubFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private ProviderException refusal(ThrowingCallable call) {
        return catchThrowableOfType(call, ProviderException.class);
    }

    private ThrowingCallable me() {
        return () -> fixture.get("user/me").send();
    }

    static Stream<Arguments> graphErrors() {
        return Stream.of(
                Arguments.of(GraphError.invalidToken(), ProviderErrorClass.INVALID_TOKEN),
                Arguments.of(GraphError.expiredToken(), ProviderErrorClass.INVALID_TOKEN),
                Arguments.of(GraphError.appNotAuthorized(HubFixture.APP_ID), ProviderErrorClass.INVALID_TOKEN),
                Arguments.of(GraphError.passwordChanged(), ProviderErrorClass.INVALID_TOKEN),
                Arguments.of(GraphError.applicationRequestLimit(), ProviderErrorClass.RATE_LIMITED),
                Arguments.of(GraphError.userRequestLimit(), ProviderErrorClass.RATE_LIMITED),
                Arguments.of(GraphError.pageRequestLimit(), ProviderErrorClass.RATE_LIMITED),
                Arguments.of(GraphError.customRateLimit(), ProviderErrorClass.RATE_LIMITED),
                Arguments.of(GraphError.pagesBusinessUseCaseLimit(), ProviderErrorClass.RATE_LIMITED),
                Arguments.of(GraphError.permissionDenied(), ProviderErrorClass.PERMISSION),
                Arguments.of(GraphError.permissionError(), ProviderErrorClass.PERMISSION),
                Arguments.of(GraphError.invalidParameter(), ProviderErrorClass.BAD_REQUEST),
                Arguments.of(GraphError.unknownError(), ProviderErrorClass.TRANSIENT),
                Arguments.of(GraphError.serviceUnavailable(), ProviderErrorClass.TRANSIENT),
                Arguments.of(GraphError.applicationRequestLimit().withHttpStatus(200), ProviderErrorClass.RATE_LIMITED));
    }

    @ParameterizedTest(name = "Graph code {0} is {1}")
    @MethodSource("graphErrors")
    void graphRefusalsAreClassifiedInFacebooksWordsWithTheUsageAttached(GraphError error,
            ProviderErrorClass expected) {
        fixture.facebook.failNextGraphCalls(1, error);

        ProviderException refused = refusal(() -> fixture.get("status/1/comments").send());

        assertThat(refused.errorClass()).isEqualTo(expected);
        assertThat(refused.error().providerMessage()).isEqualTo(error.message());
        assertThat(refused.error().providerCode())
                .isEqualTo(error.subcode() == null ? "" + error.code() : error.code() + "/" + error.subcode());
        assertThat(refused.error().usage()).as("the fake sends X-App-Usage with every answer").isNotNull();
        assertThat(refused.error().usage().bucket()).isEqualTo(BUCKET);
    }

    @Test
    void writesAreClassifiedTheSameWay() {
        FakePage page = fixture.facebook.addPage(fixture.ada, "Engines");
        fixture.facebook.failNextGraphCalls(1, GraphError.customRateLimit());

        ProviderException refused = refusal(() -> fixture.post("user/" + page.id() + "/status",
                "{\"message\":\"x\"}").send());

        assertThat(refused.errorClass()).isEqualTo(ProviderErrorClass.RATE_LIMITED);
        assertThat(refused.error().usage()).isNotNull();
    }

    @Test
    void anExpiredOrRevokedTokenNeedsANewAuthorization() {
        fixture.facebook.expire(fixture.token);
        ProviderException expired = refusal(me());
        assertThat(expired.errorClass()).isEqualTo(ProviderErrorClass.INVALID_TOKEN);
        assertThat(expired.error().providerCode()).isEqualTo("190/463");
        assertThat(expired.error().providerMessage()).contains("Session has expired");

        String again = fixture.facebook.issueUserToken(fixture.app, fixture.ada);
        fixture.facebook.revoke(fixture.ada);
        ProviderException revoked = refusal(() -> fixture.get("user/me").token(again).send());
        assertThat(revoked.errorClass()).isEqualTo(ProviderErrorClass.INVALID_TOKEN);
        assertThat(revoked.error().providerCode()).isEqualTo("190/458");
    }

    @Test
    void garbageAnOutageAndSlownessAreTransientOrATimeoutWithoutProviderWords() {
        fixture.facebook.setGarbage(true);
        ProviderException garbage = refusal(me());
        fixture.facebook.setGarbage(false);
        fixture.facebook.setDown(true);
        ProviderException down = refusal(me());
        fixture.facebook.setDown(false);
        fixture.facebook.setLatency(Duration.ofMillis(1500));
        ProviderException slow = refusal(() -> fixture.get("user/me").timeout(Duration.ofMillis(300)).send());

        assertThat(garbage.errorClass()).isEqualTo(ProviderErrorClass.TRANSIENT);
        assertThat(garbage.error().providerMessage()).isNull();
        assertThat(down.errorClass()).isEqualTo(ProviderErrorClass.TRANSIENT);
        assertThat(down.error().providerMessage()).isNull();
        assertThat(slow.errorClass()).isEqualTo(ProviderErrorClass.TIMEOUT);
        assertThat(slow.error().providerMessage()).isNull();
    }

    @Test
    void aBodyDrippedSlowerThanTheTimeoutIsATimeoutAndAnAnswerPastTheLimitIsTooLarge() throws Exception {
        fixture.facebook.setDripping(Duration.ofMillis(200));
        // Headers come at once; the body would take a minute. Awaited with a deadline far above the timeout.
        ProviderException dripped = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> refusal(() -> fixture.get("user/me").timeout(Duration.ofMillis(500)).send()))
                .get(20, java.util.concurrent.TimeUnit.SECONDS);
        fixture.facebook.setDripping(Duration.ZERO);
        ProviderException tooLarge = refusal(() -> fixture.get("user/me")
                .http(new dev.elements.core.net.JdkProviderHttp(HubFixture.TIMEOUT, 16)).send());

        assertThat(dripped.errorClass()).isEqualTo(ProviderErrorClass.TIMEOUT);
        assertThat(tooLarge.errorClass()).isEqualTo(ProviderErrorClass.TOO_LARGE);
        assertThat(tooLarge.getMessage()).contains("16 bytes").doesNotContain(fixture.token);
        assertThat(fixture.get("user/me").send().status()).isEqualTo(200);
    }

    @Test
    void answersThatAreNotWhatTheResourceAnswersAreTransient() {
        for (String body : List.of("{\"id\":\"1\"}", "[]", "{\"data\":{}}", "true", "")) {
            ProviderException odd = refusal(() -> fixture.get("status/1/comments").http(request ->
                    new ProviderHttpResponse(200, Map.of(), body.getBytes(StandardCharsets.UTF_8))).send());

            assertThat(odd.errorClass()).as(body).isEqualTo(ProviderErrorClass.TRANSIENT);
            assertThat(odd.error().providerMessage()).as(body).isNull();
        }
        for (String body : List.of("[]", "\"ok\"", "{}")) {
            ProviderException odd = refusal(() -> fixture.get("ping").http(request ->
                    new ProviderHttpResponse(200, Map.of(), body.getBytes(StandardCharsets.UTF_8))).send());

            assertThat(odd.errorClass()).as(body).isEqualTo(ProviderErrorClass.TRANSIENT);
        }
    }

    @Test
    void aBareTrueFromAnOlderGraphIsASuccessOfAWrite() {
        HubResult deleted = fixture.delete("status/1_2").http(request ->
                new ProviderHttpResponse(200, Map.of(), "true".getBytes(StandardCharsets.UTF_8))).send();

        assertThat(HubFixture.json(deleted)).isEqualTo(HubFixture.json("{\"success\":true}".getBytes()));
    }

    @Test
    void usageRisesWithEachCallAndTheLimitCarriesTheLastReading() {
        fixture.facebook.setAppCallBudget(fixture.app.id(), 4);

        List<ProviderUsage> readings = new ArrayList<>();
        for (int call = 0; call < 4; call++) {
            readings.add(fixture.get("user/me").send().usage());
        }
        ProviderException limited = refusal(me());

        assertThat(readings).extracting(ProviderUsage::percent).containsExactly(25, 50, 75, 100);
        assertThat(readings).allSatisfy(reading -> {
            assertThat(reading.bucket()).isEqualTo(BUCKET);
            assertThat(reading.regainAccessIn()).isNull();
        });
        assertThat(limited.errorClass()).isEqualTo(ProviderErrorClass.RATE_LIMITED);
        assertThat(limited.error().providerCode()).isEqualTo("4");
        assertThat(limited.error().usage().percent()).isEqualTo(100);
    }

    @Test
    void aPagesBusinessUseCaseUsageSaysWhenAccessComesBack() {
        FakePage page = fixture.facebook.addPage(fixture.ada, "Engines");
        String pageToken = fixture.facebook.pageTokenFor(fixture.app, page);
        fixture.facebook.setPageCallBudget(page.id(), 2);

        ProviderUsage first = fixture.get("user/me").token(pageToken).send().usage();
        ProviderUsage second = fixture.get("user/me").token(pageToken).send().usage();
        ProviderException limited = refusal(() -> fixture.get("user/me").token(pageToken).send());

        assertThat(first.percent()).isEqualTo(50);
        assertThat(second.percent()).isEqualTo(100);
        assertThat(limited.errorClass()).isEqualTo(ProviderErrorClass.RATE_LIMITED);
        assertThat(limited.error().providerCode()).isEqualTo("80001");
        assertThat(limited.error().usage().percent()).isEqualTo(100);
        assertThat(limited.error().usage().regainAccessIn()).isEqualTo(Duration.ofMinutes(60));
        assertThat(limited.error().retryAfter()).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void theUsageHeadersAreReadWhateverTheirMix() {
        assertThat(usageOf(Map.of())).isNull();
        assertThat(usageOf(Map.of("X-App-Usage", "not json"))).isNull();
        assertThat(usageOf(Map.of("X-App-Usage", "{\"other\":3}"))).isNull();
        assertThat(usageOf(Map.of("X-App-Usage", "{\"call_count\":28,\"total_time\":25,\"total_cputime\":31}")))
                .isEqualTo(new ProviderUsage(BUCKET, 31, null));
        assertThat(usageOf(Map.of("x-page-usage", "{\"call_count\":81,\"total_time\":2,\"total_cputime\":3}")))
                .isEqualTo(new ProviderUsage(BUCKET, 81, null));
        assertThat(usageOf(Map.of("X-App-Usage", "{\"call_count\":10,\"total_time\":5,\"total_cputime\":5}",
                "X-Business-Use-Case-Usage", "{\"111\":[{\"type\":\"pages\",\"call_count\":40,\"total_cputime\":96,"
                        + "\"total_time\":7,\"estimated_time_to_regain_access\":0}],\"222\":[{\"type\":\"pages\","
                        + "\"call_count\":3,\"total_cputime\":1,\"total_time\":1,"
                        + "\"estimated_time_to_regain_access\":12}]}")))
                .isEqualTo(new ProviderUsage(BUCKET, 96, Duration.ofMinutes(12)));
    }

    private ProviderUsage usageOf(Map<String, String> headers) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return fixture.get("user/me").http(request -> new ProviderHttpResponse(200, multi,
                "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8))).send().usage();
    }

    @Test
    void everyInstanceOfOneAppSharesItsUsageBucket() {
        assertThat(fixture.provider.usageBuckets(fixture.configuration(), fixture.tokens())).containsExactly(BUCKET);
        assertThat(fixture.provider.usageBuckets(Configuration.of(Map.of()), fixture.tokens())).isEmpty();
    }

    @Test
    void anAppThatRequiresTheProofIsServedAndAWrongSecretIsRefused() {
        fixture.facebook.requireAppSecretProof(fixture.app.id(), true);

        HubResult me = fixture.get("user/me").send();
        ProviderException wrongSecret = refusal(() -> fixture.get("user/me")
                .configuration(fixture.configuration("not-the-app-secret")).send());

        assertThat(HubFixture.json(me).path("id").asText()).isEqualTo(fixture.ada.id());
        assertThat(wrongSecret.errorClass()).isEqualTo(ProviderErrorClass.BAD_REQUEST);
        assertThat(wrongSecret.error().providerMessage()).isEqualTo("Invalid appsecret_proof provided in the API argument");
    }
}
