package dev.elements.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.elements.core.Elements;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.Instance;
import dev.elements.core.port.in.HubRequest;
import dev.elements.core.port.in.HubResponse;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.KeyRotationReport;
import dev.elements.core.port.in.PresentedCredentials;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.service.CredentialKeyService;
import dev.elements.core.service.CredentialVault;
import dev.elements.core.port.in.FirstOrganization;
import dev.elements.core.tenant.Principal;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.Platform;
import dev.elements.core.testing.ScriptedElementProvider;
import dev.elements.core.testing.SimultaneousCalls;
import dev.elements.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Core's own services on two nodes that share one PostgreSQL database through this module: what
 * the ports promise is what the services rely on, so here the provider is asked once per renewal
 * and per idempotent request across nodes, and one node creates the first organization; a provider
 * budget nearly used up on one node holds calls back on the other, and a page token of one node
 * opens on the other.
 */
class CoreServicesOnSharedPostgresTest {
    private static final String ORGANIZATION_SECRET = Fixtures.secret();
    private static final String USER_SECRET = Fixtures.secret();
    /** Nodes serving one application share the key that seals page tokens, as they share the database. */
    private static final byte[] PAGE_TOKEN_KEY = TestStores.newMasterKey();

    private final TestClock clock = new TestClock(Fixtures.NOW);
    private final ScriptedElementProvider provider = new ScriptedElementProvider();
    private PersistenceStore storeA;
    private PersistenceStore storeB;
    private Elements nodeA;
    private Elements nodeB;
    private int codes;

    @BeforeEach
    void twoNodes() {
        byte[] masterKey = TestStores.newMasterKey();
        String url = TestStores.freshPostgresUrl();
        storeA = PersistenceStore.open(url, "postgres", "", masterKey, clock);
        storeB = PersistenceStore.open(url, "postgres", "", masterKey, clock);
        nodeA = node(storeA);
        nodeB = node(storeB);
    }

    @AfterEach
    void close() {
        storeA.close();
        storeB.close();
    }

    private Elements node(PersistenceStore store) {
        return Elements.builder()
                .instances(store.instances()).tenants(store.tenants()).cipher(store.credentialCipher())
                .leases(store.refreshLeases()).idempotency(store.idempotencyRecords())
                .usageLedger(store.providerUsageLedger()).pageTokens(new TinkPageTokenSealer(PAGE_TOKEN_KEY))
                .clock(clock).provider(provider).build();
    }

    @Test
    void nodesStartingTogetherWithTheSameSettingsCreateOneFirstOrganization() throws Exception {
        List<Optional<FirstOrganization>> created = race(16,
                node -> () -> node.bootstrap().createFirstIfEmpty(ORGANIZATION_SECRET, USER_SECRET));

        assertThat(created).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(nodeB.bootstrap().createFirstIfEmpty(ORGANIZATION_SECRET, USER_SECRET)).isEmpty();
    }

    @Test
    void aDueRenewalAskedForOnBothNodesAsksTheProviderOnce() throws Exception {
        Principal principal = bootstrap();
        InstanceDescription created = nodeA.provisioning().provision(command(principal, code(), null));
        clock.advance(Duration.ofHours(1));
        // The renewal ends only once every caller has arrived, so that all of them overlap it.
        CountDownLatch arrived = new CountDownLatch(16);
        provider.holdRenewalsUntil(arrived);
        Instance due = storeA.instances().findById(created.id()).orElseThrow();

        List<String> seen = race(16, node -> () -> {
            arrived.countDown();
            Instance renewed = node.renewals().renewIfDue(due);
            return accessToken(renewed);
        });

        assertThat(provider.renewals()).isEqualTo(1);
        assertThat(seen).containsOnly(accessToken(storeB.instances().findById(created.id()).orElseThrow()));
    }

    @Test
    void backgroundRenewalOnBothNodesRenewsEachDueInstanceOnce() throws Exception {
        Principal principal = bootstrap();
        for (int i = 0; i < 6; i++) {
            nodeA.provisioning().provision(command(principal, code(), null));
        }
        clock.advance(Duration.ofHours(1));

        race(2, node -> () -> node.renewals().renewDue(100));

        assertThat(provider.renewals()).isEqualTo(6);
        assertThat(storeA.instances().dueForRenewal(clock.instant(), 100)).isEmpty();
    }

    @Test
    void theSameIdempotencyKeyOnBothNodesCreatesOneInstance() throws Exception {
        Principal principal = bootstrap();
        ProvisionInstanceCommand once = command(principal, code(), "retried-on-another-node");

        List<InstanceDescription> answers = race(8, node -> () -> node.provisioning().provision(once));

        assertThat(provider.exchanges()).isEqualTo(1);
        assertThat(answers).extracting(InstanceDescription::id).containsOnly(answers.get(0).id());
        assertThat(answers).extracting(InstanceDescription::token).containsOnly(answers.get(0).token());
    }

    @Test
    void answersCoreSealedStillReplayAfterAKeyRotationOnTheOtherNode() {
        Principal principal = bootstrap();
        ProvisionInstanceCommand once = command(principal, code(), "kept-across-a-rotation");
        InstanceDescription first = nodeA.provisioning().provision(once);

        KeyRotationReport report = new CredentialKeyService(storeB.credentialKeys(), storeB.sealedSecrets(),
                new CredentialVault(storeB.credentialCipher()), duration -> { }, 10).rotate();
        InstanceDescription replayed = nodeA.provisioning().provision(once);

        assertThat(report.idempotencyAnswersReencrypted()).as("the rotation opened core's answer").isEqualTo(1);
        assertThat(report.instanceSecretsReencrypted()).isEqualTo(1);
        assertThat(report.secretsLeftUnopened()).isZero();
        assertThat(replayed.id()).isEqualTo(first.id());
        assertThat(replayed.token()).isEqualTo(first.token()).isPresent();
        assertThat(provider.exchanges()).isEqualTo(1);
        assertThat(accessToken(storeA.instances().findById(first.id()).orElseThrow())).startsWith("access-");
    }

    @Test
    void aBudgetNearlyUsedUpOnOneNodeHoldsCallsBackOnTheOther() {
        Principal principal = bootstrap();
        String token = nodeA.provisioning().provision(command(principal, code(), null)).token().orElseThrow();
        provider.reportUsage(97);

        assertThat(nodeA.hub().call(hubCall(token, "me", Map.of())).status()).isEqualTo(200);
        int calls = provider.hubCalls();
        Throwable held = catchThrowable(() -> nodeB.hub().call(hubCall(token, "me", Map.of())));

        assertThat(held).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.USAGE_BUDGET_EXHAUSTED);
            assertThat(e.retryAfter()).isPresent();
        });
        assertThat(provider.hubCalls()).as("node B did not call the provider").isEqualTo(calls);
        assertThat(storeB.providerUsageLedger().latest(ScriptedElementProvider.KEY + ":app:"
                + Platform.configuration().get("oauth.api.key")).orElseThrow().percent()).isEqualTo(97);
    }

    @Test
    void aPageTokenOfOneNodeOpensOnTheOther() {
        Principal principal = bootstrap();
        String token = nodeA.provisioning().provision(command(principal, code(), null)).token().orElseThrow();
        provider.items(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}"));

        HubResponse first = nodeA.hub().call(hubCall(token, "items", Map.of("pageSize", List.of("2"))));
        HubResponse second = nodeB.hub().call(hubCall(token, "items",
                Map.of("nextPage", List.of(first.nextPage().orElseThrow()))));

        assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("[{\"n\":3}]");
        assertThat(second.nextPage()).isEmpty();
    }

    private static HubRequest hubCall(String elementToken, String path, Map<String, List<String>> query) {
        return new HubRequest(new PresentedCredentials(null, null, elementToken, null), "GET", path, query, null, null,
                null);
    }

    private Principal bootstrap() {
        return nodeA.bootstrap().createFirstIfEmpty(ORGANIZATION_SECRET, USER_SECRET).orElseThrow().principal();
    }

    private String code() {
        String code = "code-" + (++codes);
        provider.accept(code, "provider-user-" + codes);
        return code;
    }

    private static ProvisionInstanceCommand command(Principal principal, String code, String idempotencyKey) {
        return new ProvisionInstanceCommand(principal, ScriptedElementProvider.KEY, code, Platform.configuration(),
                List.of("shared"), "shared", idempotencyKey);
    }

    private String accessToken(Instance instance) {
        return new CredentialVault(storeA.credentialCipher()).open(instance).tokens().accessToken();
    }

    private interface Attempt<T> {
        Callable<T> on(Elements node);
    }

    /** The attempt from {@code callers} threads, alternating between the nodes, released at once. */
    private <T> List<T> race(int callers, Attempt<T> attempt) throws Exception {
        List<Callable<T>> calls = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            calls.add(attempt.on(i % 2 == 0 ? nodeA : nodeB));
        }
        return SimultaneousCalls.race(calls);
    }
}
