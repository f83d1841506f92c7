package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.hub.HubCall;
import dev.elements.core.instance.InstanceStatus;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.port.in.HubRequest;
import dev.elements.core.port.in.HubResponse;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.PresentedCredentials;
import dev.elements.core.port.in.UpdateInstanceCommand;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.Platform;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class HubServiceTest {
    private final Platform platform = new Platform();
    private final InstanceDescription instance = platform.provision("hub", List.of());
    private final String token = instance.token().orElseThrow();

    private HubResponse call(String method, String path, Map<String, List<String>> query) {
        return platform.elements.hub().call(new HubRequest(new PresentedCredentials(null, null, token, null), method,
                path, query, null, null, null));
    }

    private HubResponse get(String path, String... query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            parameters.put(query[i], List.of(query[i + 1]));
        }
        return call("GET", path, parameters);
    }

    private static String text(HubResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PlatformException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private void items(int count) {
        platform.provider.items(IntStream.range(0, count).mapToObj(i -> "{\"n\":" + i + "}").toList());
    }

    @Test
    void theElementTokenDecidesTheInstanceAndItsCredentialsReachOnlyTheProvider() {
        HubResponse me = get("me");

        assertThat(me.instanceId()).isEqualTo(instance.id());
        assertThat(me.status()).isEqualTo(200);
        assertThat(text(me)).isEqualTo("{\"path\":\"me\",\"id\":\"me\",\"accessToken\":\"sent\"}");
        HubCall seen = platform.provider.seenHubCalls().get(0);
        assertThat(seen.tokens().accessToken()).isEqualTo(platform.secretsOf(instance).tokens().accessToken());
        assertThat(seen.configuration().get("oauth.api.secret")).contains("canary-app-secret");
        assertThat(get("items/special").body()).isNotEmpty();
        assertThat(text(get("items/7"))).contains("\"id\":\"7\"");
    }

    @Test
    void credentialsAreCheckedBeforeAnythingIsCalled() {
        assertRefused(() -> platform.elements.hub().call(new HubRequest(PresentedCredentials.none(), "GET", "me",
                Map.of(), null, null, null)), ErrorCode.MISSING_CREDENTIALS);
        assertRefused(() -> platform.elements.hub().call(new HubRequest(new PresentedCredentials(null, null,
                "not-a-token", null), "GET", "me", Map.of(), null, null, null)), ErrorCode.INVALID_CREDENTIALS);
        platform.tenants.createOrganization("Other", SecretDigest.of("other-org"),
                new dev.elements.core.tenant.NewUser("o@other.example", "", "", Role.ORG_ADMIN,
                        SecretDigest.of("other-user")));
        assertRefused(() -> platform.elements.hub().call(new HubRequest(new PresentedCredentials("other-user",
                "other-org", token, null), "GET", "me", Map.of(), null, null, null)), ErrorCode.INVALID_CREDENTIALS);
        assertThat(platform.elements.hub().call(new HubRequest(new PresentedCredentials(platform.userSecret,
                platform.organizationSecret, token, null), "GET", "me", Map.of(), null, null, null)).status()).isEqualTo(200);
        assertRefused(() -> get("nowhere"), ErrorCode.RESOURCE_NOT_FOUND);
        assertRefused(() -> call("DELETE", "me", Map.of()), ErrorCode.OPERATION_NOT_SUPPORTED);
        assertThat(platform.provider.hubCalls()).isEqualTo(1);
    }

    @Test
    void aDisabledOrRejectedInstanceIsRefusedWithoutCallingTheProvider() {
        platform.elements.instances().setEnabled(platform.principal, instance.id(), false);
        assertRefused(() -> get("me"), ErrorCode.INSTANCE_DISABLED);
        platform.elements.instances().setEnabled(platform.principal, instance.id(), true);

        var stored = platform.stored(instance);
        platform.instances.update(stored.change().credentials(stored.credentials().rejected("revoked"))
                .at(Fixtures.NOW));
        assertRefused(() -> get("me"), ErrorCode.PROVIDER_TOKEN_REJECTED);
        assertThat(platform.provider.hubCalls()).isZero();
    }

    @Test
    void pagesOfSizeNFollowEachOtherAndEqualOnePageOfSizeTwoN() {
        items(7);

        HubResponse first = get("items", "pageSize", "3");
        HubResponse second = get("items", "page", "2", "pageSize", "3");
        HubResponse third = get("items", "nextPage", second.nextPage().orElseThrow());
        HubResponse both = get("items", "pageSize", "6");
        HubResponse beyond = get("items", "page", "5", "pageSize", "3");

        assertThat(text(first)).isEqualTo("[{\"n\":0},{\"n\":1},{\"n\":2}]");
        assertThat(text(second)).isEqualTo("[{\"n\":3},{\"n\":4},{\"n\":5}]");
        assertThat(text(third)).isEqualTo("[{\"n\":6}]");
        assertThat(third.nextPage()).isEmpty();
        assertThat(third.returnedCount()).isEqualTo(1);
        assertThat(text(both)).isEqualTo(text(first).replace("]", ",") + text(second).substring(1));
        assertThat(text(get("items", "nextPage", first.nextPage().orElseThrow()))).isEqualTo(text(second));
        assertThat(text(beyond)).isEqualTo("[]");
        assertThat(beyond.returnedCount()).isZero();
    }

    @Test
    void pageSizeIsCappedByPaginationMaxAndBadPagingIsRefused() {
        items(10);
        platform.elements.instances().update(platform.principal, instance.id(),
                new UpdateInstanceCommand(false, null, null, Map.of("pagination.max", "4"), null, null));

        assertThat(get("items", "pageSize", "50").returnedCount()).isEqualTo(4);
        assertThat(get("items").returnedCount()).isEqualTo(4);
        assertRefused(() -> get("items", "page", "0"), ErrorCode.INVALID_FIELD);
        assertRefused(() -> get("items", "pageSize", "many"), ErrorCode.INVALID_FIELD);
        assertRefused(() -> get("items", "nextPage", "forged"), ErrorCode.INVALID_FIELD);
        InstanceDescription other = platform.provision("other", List.of());
        HubResponse first = get("items");
        assertRefused(() -> platform.elements.hub().call(new HubRequest(new PresentedCredentials(null, null,
                other.token().orElseThrow(), null), "GET", "items",
                Map.of("nextPage", List.of(first.nextPage().orElseThrow())), null, null, null)), ErrorCode.INVALID_FIELD);
    }

    @Test
    void thePluginIsToldToRemoveNullsUnlessTheInstanceSaysOtherwise() {
        platform.provider.items(List.of("{\"n\":0,\"gap\":null}"));
        assertThat(text(get("me"))).doesNotContain("nothing");
        get("items");

        platform.elements.instances().update(platform.principal, instance.id(),
                new UpdateInstanceCommand(false, null, null, Map.of("filter.response.nulls", "false"), null, null));

        assertThat(text(get("me"))).contains("\"nothing\":null");
        assertThat(text(get("items"))).as("the platform filters nothing after the plugin")
                .isEqualTo("[{\"n\":0,\"gap\":null}]");
        assertThat(platform.provider.seenHubCalls()).extracting(HubCall::removeNulls)
                .containsExactly(true, true, false, false);
    }

    @Test
    void aRejectedTokenMakesTheInstanceNeedReauthorization() {
        platform.provider.failNext(ProviderErrorClass.INVALID_TOKEN, "Error validating access token: Session has expired");

        assertThatThrownBy(() -> get("me")).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TOKEN_REJECTED);
            assertThat(e.providerMessage()).hasValueSatisfying(words -> assertThat(words).contains("Session has expired"));
        });
        InstanceDescription after = platform.elements.instances().instance(platform.principal, instance.id());
        assertThat(after.status()).isEqualTo(InstanceStatus.NEEDS_REAUTH);
        assertThat(after.valid()).isFalse();
    }

    @Test
    void oneProviderTimeoutCoversTheInlineRenewalAndEveryRetryOfOneCall() {
        // Each provider call takes 4 of the platform's 10 seconds, and each fails for a passing reason.
        platform.provider.duringEachCall(() -> platform.clock.advance(Duration.ofSeconds(4)));
        platform.clock.advance(Duration.ofDays(30));
        for (int i = 0; i < 3; i++) {
            platform.provider.failNext(ProviderErrorClass.TRANSIENT, "(#2) Service temporarily unavailable");
        }

        // The renewal spends 4 s, the first hub call 4 s: the retry gets the 2 s left, and no third attempt starts.
        assertRefused(() -> get("me"), ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(platform.provider.renewals()).isEqualTo(1);
        assertThat(platform.provider.seenTimeouts()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(6),
                Duration.ofSeconds(2));
        assertThat(platform.provider.hubCalls()).isEqualTo(2);
    }

    @Test
    void aCallThatSpentItsTimeIsNotRetried() {
        platform.provider.duringEachCall(() -> platform.clock.advance(Duration.ofSeconds(11)));
        platform.provider.failNext(ProviderErrorClass.TRANSIENT, "(#2) Service temporarily unavailable");

        assertRefused(() -> get("me"), ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(platform.provider.hubCalls()).isEqualTo(1);
        assertThat(platform.sleeper.pauses()).isEmpty();
    }

    @Test
    void passingFailuresOfAGetAreRetriedABoundedNumberOfTimesAfterGrowingPauses() {
        platform.provider.failNext(ProviderErrorClass.TRANSIENT, "(#2) Service temporarily unavailable");
        assertThat(get("me").status()).isEqualTo(200);
        assertThat(platform.provider.hubCalls()).isEqualTo(2);
        assertThat(platform.sleeper.pauses()).containsExactly(Duration.ofMillis(200));

        for (int i = 0; i < 3; i++) {
            platform.provider.failNext(ProviderErrorClass.TRANSIENT, "(#1) An unknown error occurred");
        }
        assertRefused(() -> get("me"), ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(platform.provider.hubCalls()).isEqualTo(5);
        assertThat(platform.sleeper.pauses()).containsExactly(Duration.ofMillis(200), Duration.ofMillis(200),
                Duration.ofMillis(600));

        platform.provider.failNext(ProviderErrorClass.TRANSIENT, "(#2) Service temporarily unavailable");
        assertRefused(() -> call("POST", "items", Map.of()), ErrorCode.PROVIDER_UNAVAILABLE);
        platform.provider.failNext(ProviderErrorClass.TIMEOUT, "slow");
        assertRefused(() -> get("me"), ErrorCode.PROVIDER_TIMED_OUT);
        assertThat(platform.provider.hubCalls()).as("neither a POST nor a timeout is retried").isEqualTo(7);
        assertThat(platform.sleeper.pauses()).as("nor waited for").hasSize(3);
    }

    @Test
    void theOtherRefusalsMapToTheirStatuses() {
        platform.provider.failNext(ProviderErrorClass.RATE_LIMITED, "(#17) User request limit reached");
        assertThatThrownBy(() -> get("me")).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_RATE_LIMITED);
            assertThat(e.retryAfter()).isPresent();
        });
        platform.provider.failNext(ProviderErrorClass.PERMISSION, "(#200) Permissions error");
        assertRefused(() -> get("me"), ErrorCode.PROVIDER_PERMISSION_DENIED);
        platform.provider.failNext(ProviderErrorClass.BAD_REQUEST, "(#100) Tried accessing nonexisting field");
        assertRefused(() -> get("me"), ErrorCode.PROVIDER_REJECTED_REQUEST);
        assertThat(get("me").status()).isEqualTo(200);
    }

    @Test
    void aStormOfCallsWithADueTokenRenewsOnceAndEveryCallUsesTheNewToken() throws Exception {
        platform.clock.advance(Duration.ofHours(1));
        // The renewal ends only once every call has arrived, so that all of them overlap it.
        CountDownLatch arrived = new CountDownLatch(24);
        platform.provider.holdRenewalsUntil(arrived);
        ExecutorService pool = Executors.newFixedThreadPool(24);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HubResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    arrived.countDown();
                    return get("me");
                }));
            }
            start.countDown();
            for (Future<HubResponse> call : calls) {
                assertThat(call.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        String renewed = platform.secretsOf(instance).tokens().accessToken();
        assertThat(platform.provider.renewals()).isEqualTo(1);
        assertThat(renewed).contains("renewed");
        assertThat(platform.provider.seenHubCalls()).extracting(call -> call.tokens().accessToken())
                .hasSize(24).containsOnly(renewed);
    }

    @Test
    void aBudgetFillingUpSpacesCallsOutMoreTheCloserItIsToTheEnd() {
        platform.provider.reportUsage(70);
        get("me");
        get("me");
        assertThat(platform.sleeper.pauses()).as("below 80% nothing is slowed").isEmpty();

        platform.provider.reportUsage(90);
        get("me");
        get("me");
        platform.provider.reportUsage(92);
        get("me");
        get("me");

        // Each call is spaced by the reading before it: (90 - 80) / (95 - 80) of the longest
        // slowdown, a second, twice; then (92 - 80) / (95 - 80).
        assertThat(platform.sleeper.pauses()).containsExactly(Duration.ofNanos(666_666_666),
                Duration.ofNanos(666_666_666), Duration.ofMillis(800));
    }

    @Test
    void aNearlyUsedBudgetHoldsBackEveryInstanceOfTheApplication() {
        InstanceDescription sibling = platform.provision("same app", List.of());
        platform.provider.reportUsage(97);
        assertThat(get("me").status()).isEqualTo(200);

        assertThatThrownBy(() -> get("me")).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.USAGE_BUDGET_EXHAUSTED);
            assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isPositive());
        });
        assertRefused(() -> platform.elements.hub().call(new HubRequest(new PresentedCredentials(null, null,
                sibling.token().orElseThrow(), null), "GET", "me", Map.of(), null, null, null)),
                ErrorCode.USAGE_BUDGET_EXHAUSTED);
        assertThat(platform.provider.hubCalls()).isEqualTo(1);

        platform.clock.advance(Duration.ofSeconds(61));
        platform.provider.reportUsage(40);
        assertThat(get("me").status()).as("a stale reading no longer decides").isEqualTo(200);
        assertThat(get("me").status()).isEqualTo(200);
    }

    @Test
    void aRefusalAtFullUsageBlocksTheApplicationUntilTheProviderSaid() {
        platform.provider.reportUsage(100);
        platform.provider.failNext(ProviderErrorClass.RATE_LIMITED, "(#4) Application request limit reached");
        assertRefused(() -> get("me"), ErrorCode.PROVIDER_RATE_LIMITED);
        int calls = platform.provider.hubCalls();

        platform.clock.advance(Duration.ofSeconds(59));
        assertRefused(() -> get("me"), ErrorCode.USAGE_BUDGET_EXHAUSTED);
        assertThat(platform.provider.hubCalls()).isEqualTo(calls);
    }

    @Test
    void aPageBeyondTheWalkingCapIsRefusedBeforeAnyProviderCallAndPointsToNextPage() {
        items(30);
        platform.clock.advance(Duration.ofHours(2));
        int renewals = platform.provider.renewals();

        for (String page : List.of("1000", "11", "2147483647")) {
            PlatformException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> get("items", "page", page, "pageSize", "1"), PlatformException.class);
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(refused.getMessage()).contains("page may be at most 10").contains("nextPage");
        }
        assertThat(platform.provider.hubCalls()).as("no page was walked").isZero();
        assertThat(platform.provider.renewals()).as("not even a due renewal").isEqualTo(renewals);

        HubResponse tenth = get("items", "page", "10", "pageSize", "1");
        assertThat(text(tenth)).isEqualTo("[{\"n\":9}]");
        assertThat(platform.provider.hubCalls()).as("one call per page up to the cap").isEqualTo(10);
        assertThat(text(get("items", "nextPage", tenth.nextPage().orElseThrow()))).isEqualTo("[{\"n\":10}]");
        assertThat(text(get("items", "nextPage", tenth.nextPage().orElseThrow(), "page", "11")))
                .as("a page number beside a nextPage token is not walked, so not capped").isEqualTo("[{\"n\":10}]");
    }

    @Test
    void aPathValueOfAnotherShapeThanTheElementDeclaresIsRefusedNamingTheParameterWithoutAnyProviderCall() {
        platform.clock.advance(Duration.ofHours(2));
        int renewals = platform.provider.renewals();

        for (String value : List.of("debug_token", "app", "me", "1_2", "12345678901")) {
            PlatformException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> get("items/" + value + "/notes"), PlatformException.class);
            assertThat(refused.code()).as(value).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(refused.getMessage()).as(value)
                    .isEqualTo("The path parameter {id} of items/{id}/notes must be an item number");
        }
        assertThat(platform.provider.hubCalls()).isZero();
        assertThat(platform.provider.renewals()).isEqualTo(renewals);

        assertThat(text(get("items/42/notes"))).contains("\"id\":\"42\"");
        assertThat(text(get("items/debug_token"))).as("a resource that declares no shape takes any segment")
                .contains("\"id\":\"debug_token\"");
    }
}
