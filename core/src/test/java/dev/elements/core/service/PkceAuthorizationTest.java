package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.Elements;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.memory.InMemoryIdempotencyRecords;
import dev.elements.core.memory.InMemoryInstanceRepository;
import dev.elements.core.memory.InMemoryPendingAuthorizations;
import dev.elements.core.memory.InMemoryProviderUsageLedger;
import dev.elements.core.memory.InMemoryRefreshLeases;
import dev.elements.core.memory.InMemoryTenantRepository;
import dev.elements.core.memory.PassThroughCipher;
import dev.elements.core.oauth.AuthorizationCode;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.port.in.AuthorizationUrl;
import dev.elements.core.port.in.GetAuthorizationUrlCommand;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.port.in.UpdateInstanceCommand;
import dev.elements.core.spi.FormEncoding;
import dev.elements.core.tenant.Principal;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.Platform;
import dev.elements.core.testing.ScriptedElementProvider;
import dev.elements.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Elements that use PKCE: the verifier is made, kept, handed out once and never shown. */
class PkceAuthorizationTest {
    private static final int LIMIT = 3;

    private final TestClock clock = new TestClock(Fixtures.NOW);
    private final ScriptedElementProvider provider = new ScriptedElementProvider().usePkce(true);
    private final Elements elements = Elements.builder()
            .instances(new InMemoryInstanceRepository()).tenants(new InMemoryTenantRepository(clock))
            .cipher(new PassThroughCipher()).leases(new InMemoryRefreshLeases())
            .idempotency(new InMemoryIdempotencyRecords()).usageLedger(new InMemoryProviderUsageLedger())
            .pendingAuthorizations(new InMemoryPendingAuthorizations()).pendingAuthorizationLimit(LIMIT)
            .clock(clock).provider(provider).build();
    private final Principal principal = elements.bootstrap().createFirstIfEmpty(null, null).orElseThrow().principal();
    private int codes;

    private Map<String, String> loginUrl(String state) {
        AuthorizationUrl url = elements.authorizationUrls().authorizationUrl(
                new GetAuthorizationUrlCommand("scripted", "app-1", "https://app.example/cb", null, state));
        return FormEncoding.decode(url.oauthUrl().getRawQuery());
    }

    private String code() {
        String code = "code-" + (++codes);
        provider.accept(code, "provider-user-" + codes);
        return code;
    }

    private InstanceDescription provision(String code, String state) {
        return elements.provisioning().provision(new ProvisionInstanceCommand(principal, "scripted", code, state,
                Platform.configuration(), List.of(), null, null));
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    private static String s256(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private String lastVerifier() {
        List<AuthorizationCode> seen = provider.seenCodes();
        return seen.get(seen.size() - 1).codeVerifier();
    }

    @Test
    void theUrlCarriesTheChallengeAndTheExchangeTheVerifierBehindIt() throws Exception {
        Map<String, String> query = loginUrl("login-1");
        assertThat(query).containsEntry("state", "login-1").containsEntry("code_challenge_method", "S256")
                .containsKey("code_challenge");

        provision(code(), "login-1");

        String verifier = lastVerifier();
        assertThat(verifier).matches("[A-Za-z0-9._~-]{64}");
        assertThat(s256(verifier)).isEqualTo(query.get("code_challenge"));
        assertThat(query.values()).noneMatch(value -> value.contains(verifier));
        assertThat(provider.seenCodes().get(0).toString()).doesNotContain(verifier);
    }

    @Test
    void eachLoginWithoutAStateGetsAFreshOne() {
        String first = loginUrl(null).get("state");
        String second = loginUrl(" ").get("state");

        assertThat(first).matches("[A-Za-z0-9_-]{22,}").isNotEqualTo(second).isNotEqualTo("scripted");
        provision(code(), second);
        provision(code(), first);
        assertThat(provider.seenCodes()).hasSize(2);
    }

    @Test
    void aCodeWithoutItsStateIsRefusedBeforeTheProviderIsAsked() {
        loginUrl("login-1");

        assertRefused(() -> provision(code(), null), ErrorCode.MISSING_FIELD, "providerData.state");
        assertRefused(() -> provision(code(), " "), ErrorCode.MISSING_FIELD, "providerData.state");
        assertThat(provider.exchanges()).isZero();
    }

    @Test
    void aStateWorksOnce() {
        loginUrl("login-1");
        provision(code(), "login-1");

        assertRefused(() -> provision(code(), "login-1"), ErrorCode.UNKNOWN_AUTHORIZATION_STATE,
                "with this providerData.state: it was used already, expired after 10 minutes");
        assertRefused(() -> provision(code(), "never-issued"), ErrorCode.UNKNOWN_AUTHORIZATION_STATE,
                "providerData.state");
        assertThat(provider.exchanges()).isEqualTo(1);
    }

    @Test
    void aLoginExpiresAfterTenMinutes() {
        loginUrl("slow");
        loginUrl("quick");
        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        provision(code(), "quick");

        clock.advance(Duration.ofMillis(1));
        assertRefused(() -> provision(code(), "slow"), ErrorCode.UNKNOWN_AUTHORIZATION_STATE, "providerData.state");
    }

    @Test
    void aProviderOutageKeepsTheVerifierForARetry() {
        loginUrl("login-1");
        String code = code();
        provider.failNext(ProviderErrorClass.TRANSIENT, "try later");
        assertRefused(() -> provision(code, "login-1"), ErrorCode.PROVIDER_UNAVAILABLE, "failed");
        provider.failNext(ProviderErrorClass.TIMEOUT, "slow");
        assertRefused(() -> provision(code, "login-1"), ErrorCode.PROVIDER_TIMED_OUT, "in time");

        provision(code, "login-1");
        List<AuthorizationCode> seen = provider.seenCodes();
        assertThat(seen).hasSize(3).extracting(AuthorizationCode::codeVerifier).containsOnly(lastVerifier());
    }

    @Test
    void aRefusalSpendsTheVerifier() {
        loginUrl("login-1");
        provider.failNext(ProviderErrorClass.INVALID_GRANT, "bad code");
        assertRefused(() -> provision(code(), "login-1"), ErrorCode.PROVIDER_REJECTED_AUTHORIZATION, "refused");

        assertRefused(() -> provision(code(), "login-1"), ErrorCode.UNKNOWN_AUTHORIZATION_STATE, "providerData.state");
    }

    @Test
    void theLimitRefusesMoreLoginsAndKeepsNothingBeyondIt() {
        for (int i = 0; i < LIMIT; i++) {
            loginUrl("login-" + i);
        }
        assertThatThrownBy(() -> loginUrl("one-too-many")).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_PENDING_AUTHORIZATIONS);
            assertThat(e.type()).isEqualTo(dev.elements.core.error.ErrorType.RATE_LIMITED);
            assertThat(e.getMessage()).contains("Too many logins are under way").contains("retry later");
        });
        assertRefused(() -> provision(code(), "one-too-many"), ErrorCode.UNKNOWN_AUTHORIZATION_STATE,
                "providerData.state");

        provision(code(), "login-0");
        assertThat(loginUrl("room-again")).containsEntry("state", "room-again");
    }

    @Test
    void reauthorizationTakesTheVerifierOfItsState() throws Exception {
        loginUrl("first-login");
        InstanceDescription instance = provision(code(), "first-login");
        Map<String, String> query = loginUrl("second-login");

        assertRefused(() -> elements.instances().update(principal, instance.id(),
                new UpdateInstanceCommand(false, null, null, null, code(), null)), ErrorCode.MISSING_FIELD,
                "providerData.state");
        elements.instances().update(principal, instance.id(),
                new UpdateInstanceCommand(false, null, null, null, code(), "second-login", null));

        assertThat(s256(lastVerifier())).isEqualTo(query.get("code_challenge"));
    }

    @Test
    void elementsWithoutPkceWorkAsBefore() {
        provider.usePkce(false);
        Map<String, String> query = loginUrl(null);

        assertThat(query).containsEntry("state", "scripted").doesNotContainKeys("code_challenge",
                "code_challenge_method");
        provision(code(), null);
        provision(code(), "ignored");
        assertThat(provider.seenCodes()).extracting(AuthorizationCode::codeVerifier).containsOnlyNulls();
    }
}
