package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.Elements;
import dev.elements.core.element.ElementKey;
import dev.elements.core.element.OperatorOverrides;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.event.DataDeletion;
import dev.elements.core.event.DeliveryState;
import dev.elements.core.event.EventId;
import dev.elements.core.event.OutboxEvent;
import dev.elements.core.event.WebhookRequest;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.InstanceSecrets;
import dev.elements.core.instance.InstanceStatus;
import dev.elements.core.json.Json;
import dev.elements.core.json.JsonValue;
import dev.elements.core.memory.InMemoryDataDeletions;
import dev.elements.core.memory.InMemoryEventOutbox;
import dev.elements.core.memory.InMemoryIdempotencyRecords;
import dev.elements.core.memory.InMemoryInstanceRepository;
import dev.elements.core.memory.InMemoryProviderUsageLedger;
import dev.elements.core.memory.InMemoryRefreshLeases;
import dev.elements.core.memory.InMemoryTenantRepository;
import dev.elements.core.memory.PassThroughCipher;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.port.out.EventOutbox;
import dev.elements.core.tenant.Principal;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.RecordingSleeper;
import dev.elements.core.testing.ScriptedElementProvider;
import dev.elements.core.testing.SignedWebhooksElement;
import dev.elements.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Provider webhooks and notices in, through the embedding façade, with an element that signs the
 * way Facebook does (a real HMAC of each instance's app secret) and every port in memory.
 */
class ProviderEventsServiceTest {
    private static final ElementKey KEY = ElementKey.of(ScriptedElementProvider.KEY);
    private static final String VERIFY_TOKEN = "canary-verify-token";
    private static final String SECRET_A = "canary-app-secret-a";
    private static final String SECRET_B = "canary-app-secret-b";
    private static final String SIGNATURE_KEY = "canary-signature-key";
    private static final String CALLBACK = "https://app.example/events";

    private final World world = new World(Map.of(), new InMemoryEventOutbox());

    /** A platform in memory with the signing element; {@code settings} are the operator's. */
    private static final class World {
        final TestClock clock = new TestClock(Fixtures.NOW);
        final ScriptedElementProvider scripted = new ScriptedElementProvider();
        final InMemoryInstanceRepository instances = new InMemoryInstanceRepository();
        final InMemoryTenantRepository tenants = new InMemoryTenantRepository(clock);
        final PassThroughCipher cipher = new PassThroughCipher();
        final InMemoryDataDeletions deletions = new InMemoryDataDeletions();
        final EventOutbox outbox;
        final Elements elements;
        final Principal alpha;
        final Principal beta;
        private int codes;

        World(Map<String, String> settings, EventOutbox outbox) {
            Map<String, String> operator = new LinkedHashMap<>(settings);
            operator.put("ELEMENTS_SCRIPTED_EVENT_WEBHOOK_VERIFY_TOKEN", VERIFY_TOKEN);
            this.outbox = outbox;
            this.elements = Elements.builder()
                    .instances(instances).tenants(tenants).cipher(cipher)
                    .leases(new InMemoryRefreshLeases()).idempotency(new InMemoryIdempotencyRecords())
                    .usageLedger(new InMemoryProviderUsageLedger()).clock(clock).sleeper(new RecordingSleeper())
                    .provider(new SignedWebhooksElement(scripted))
                    .operatorOverrides(OperatorOverrides.fromSettings(operator))
                    .eventOutbox(outbox).dataDeletions(deletions)
                    .build();
            this.alpha = elements.bootstrap().createFirstIfEmpty(Fixtures.secret(), Fixtures.secret()).orElseThrow()
                    .principal();
            this.beta = Fixtures.organization(tenants, "Beta");
        }

        InstanceId provision(Principal owner, String account, String appSecret, Map<String, String> events) {
            String code = "code-" + (++codes);
            scripted.accept(code, account);
            Map<String, String> configuration = new LinkedHashMap<>();
            configuration.put("oauth.api.key", "app-" + owner.organizationId().value());
            configuration.put("oauth.api.secret", appSecret);
            configuration.put("oauth.callback.url", "https://app.example/cb");
            configuration.putAll(events);
            InstanceDescription created = elements.provisioning().provision(new ProvisionInstanceCommand(owner,
                    ScriptedElementProvider.KEY, code, null, configuration, List.of(), "instance " + codes, null));
            return created.id();
        }

        InstanceId provision(Principal owner, String account, String appSecret) {
            return provision(owner, account, appSecret, Map.of("event.notification.enabled", "true",
                    "event.notification.callback.url", CALLBACK, "event.notification.signature.key", SIGNATURE_KEY));
        }

        Instance stored(InstanceId id) {
            return instances.findById(id).orElseThrow();
        }

        InstanceSecrets secretsOf(InstanceId id) {
            return new CredentialVault(cipher).open(stored(id));
        }

        List<OutboxEvent> events(Principal owner, InstanceId id) {
            return outbox.recent(owner.organizationId(), id, 200);
        }

        int receive(WebhookRequest request) {
            return elements.receiveEvents().receive(KEY, request);
        }
    }

    private static String delivery(String... accounts) {
        StringBuilder entries = new StringBuilder();
        for (String account : accounts) {
            entries.append(entries.length() == 0 ? "" : ",").append("{\"id\":\"").append(account)
                    .append("\",\"time\":1790000000,\"changes\":[{\"field\":\"feed\",\"value\":{\"item\":\"post\","
                            + "\"verb\":\"add\",\"post_id\":\"").append(account).append("_post\"}}]}");
        }
        return "{\"object\":\"page\",\"entry\":[" + entries + "]}";
    }

    private static WebhookRequest signed(String body, String appSecret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new WebhookRequest(bytes, Map.of(SignedWebhooksElement.SIGNATURE_HEADER,
                SignedWebhooksElement.deliverySignature(appSecret, bytes)), Map.of());
    }

    private static WebhookRequest unsigned(String body) {
        return new WebhookRequest(body.getBytes(StandardCharsets.UTF_8), Map.of(), Map.of());
    }

    private static WebhookRequest handshake(String verifyToken) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("hub.mode", List.of("subscribe"));
        query.put("hub.challenge", List.of("challenge-1158201444"));
        if (verifyToken != null) {
            query.put("hub.verify_token", List.of(verifyToken));
        }
        return new WebhookRequest(null, Map.of(), query);
    }

    private static PlatformException refused(ThrowingCallable call, ErrorCode code) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.code()).isEqualTo(code));
        return (PlatformException) thrown;
    }

    @Test
    void theHandshakeAnswersTheChallengeOnlyToTheOperatorsVerifyToken() {
        assertThat(world.elements.receiveEvents().handshake(KEY, handshake(VERIFY_TOKEN)))
                .contains("challenge-1158201444");
        assertThat(world.elements.receiveEvents().handshake(KEY, handshake("guessed"))).isEmpty();
        assertThat(world.elements.receiveEvents().handshake(KEY, handshake(null))).isEmpty();
    }

    @Test
    void anUnknownElementOrOneWithoutTheCapabilityIsNotFound() {
        refused(() -> world.elements.receiveEvents().handshake(ElementKey.of("myspace"), handshake(VERIFY_TOKEN)),
                ErrorCode.ELEMENT_NOT_FOUND);
        Elements withoutEvents = Elements.builder().inMemory().provider(new ScriptedElementProvider()).build();
        refused(() -> withoutEvents.receiveEvents().receive(KEY, signed(delivery("user-1"), SECRET_A)),
                ErrorCode.ELEMENT_NOT_FOUND);
        refused(() -> withoutEvents.receiveEvents().deauthorize(KEY,
                SignedWebhooksElement.signedNotice(SECRET_A, "user-1")), ErrorCode.ELEMENT_NOT_FOUND);
        refused(() -> withoutEvents.receiveEvents().dataDeletion(KEY, "0".repeat(32)), ErrorCode.ELEMENT_NOT_FOUND);
    }

    @Test
    void anUnsignedDeliveryIsRefusedAndNothingIsStored() {
        InstanceId instance = world.provision(world.alpha, "user-1", SECRET_A);

        refused(() -> world.receive(unsigned(delivery("user-1"))), ErrorCode.INVALID_CREDENTIALS);
        refused(() -> world.receive(unsigned(delivery("nobody-here"))), ErrorCode.INVALID_CREDENTIALS);

        assertThat(world.events(world.alpha, instance)).isEmpty();
    }

    @Test
    void aForgedDeliveryIsRefusedAndTheOutboxStaysEmpty() {
        InstanceId instance = world.provision(world.alpha, "user-1", SECRET_A);

        refused(() -> world.receive(signed(delivery("user-1"), "a-guessed-secret")), ErrorCode.INVALID_CREDENTIALS);

        assertThat(world.events(world.alpha, instance)).isEmpty();
    }

    @Test
    void eachAccountGoesOnlyToTheInstancesWhoseOwnAppSecretSignedTheDelivery() {
        InstanceId alphaPage = world.provision(world.alpha, "page-1", SECRET_A);
        InstanceId betaPage = world.provision(world.beta, "page-1", SECRET_B);
        InstanceId alphaOther = world.provision(world.alpha, "page-2", SECRET_A);

        int stored = world.receive(signed(delivery("page-1", "page-2"), SECRET_A));

        assertThat(stored).isEqualTo(2);
        assertThat(world.events(world.beta, betaPage)).isEmpty();
        OutboxEvent event = world.events(world.alpha, alphaPage).get(0);
        assertThat(event.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(event.callbackUrl()).isEqualTo(CALLBACK);
        assertThat(event.signature()).isEqualTo(Notifications.signature(SIGNATURE_KEY, event.body()));
        JsonValue body = Json.parse(event.body());
        assertThat(body.path("instanceId").text()).isEqualTo(Long.toString(alphaPage.value()));
        assertThat(body.at("/message/events/0/objectId").text()).isEqualTo("page-1_post");
        assertThat(body.at("/message/events/0/eventType").text()).isEqualTo("CREATED");
        assertThat(body.at("/message/raw/entry/0/id").text()).isEqualTo("page-1");
        assertThat(body.at("/message/raw/entry/1").isMissing()).isTrue();
        assertThat(event.body()).doesNotContain("page-2");
        assertThat(world.events(world.alpha, alphaOther)).singleElement()
                .satisfies(other -> assertThat(other.body()).doesNotContain("page-1"));
    }

    @Test
    void notificationsSwitchedOffStoreNothingAndNoCallbackIsRecordedAsSuch() {
        InstanceId off = world.provision(world.alpha, "user-1", SECRET_A,
                Map.of("event.notification.enabled", "false", "event.notification.callback.url", CALLBACK));
        InstanceId noCallback = world.provision(world.alpha, "user-2", SECRET_A,
                Map.of("event.notification.enabled", "true"));

        assertThat(world.receive(signed(delivery("user-1"), SECRET_A))).isZero();
        assertThat(world.receive(signed(delivery("user-2"), SECRET_A))).isEqualTo(1);

        assertThat(world.events(world.alpha, off)).isEmpty();
        assertThat(world.events(world.alpha, noCallback)).singleElement().satisfies(event -> {
            assertThat(event.state()).isEqualTo(DeliveryState.NO_CALLBACK);
            assertThat(event.callbackUrl()).isNull();
            assertThat(event.nextAttemptAt()).isNull();
            assertThat(event.signature()).isNull();
        });
    }

    @Test
    void aDisabledInstanceGetsNothingButStillProvesTheDeliveryGenuine() {
        InstanceId instance = world.provision(world.alpha, "user-1", SECRET_A);
        world.elements.instances().setEnabled(world.alpha, instance, false);

        assertThat(world.receive(signed(delivery("user-1"), SECRET_A))).isZero();

        assertThat(world.events(world.alpha, instance)).isEmpty();
    }

    @Test
    void aDeliveryForNoKnownAccountIsAcceptedEmptyUnlessTheOperatorsSecretCanCheckIt() {
        assertThat(world.receive(signed(delivery("deleted-user"), "anything"))).isZero();

        World checked = new World(Map.of("ELEMENTS_SCRIPTED_OAUTH_API_SECRET", "canary-operator-secret"),
                new InMemoryEventOutbox());
        assertThat(checked.receive(signed(delivery("deleted-user"), "canary-operator-secret"))).isZero();
        refused(() -> checked.receive(signed(delivery("deleted-user"), "anything")), ErrorCode.INVALID_CREDENTIALS);
    }

    @Test
    void allEventsOfADeliveryAreAppendedAtOnceOrNotAtAll() {
        RecordingOutbox outbox = new RecordingOutbox();
        World recorded = new World(Map.of(), outbox);
        InstanceId first = recorded.provision(recorded.alpha, "user-1", SECRET_A);
        InstanceId second = recorded.provision(recorded.beta, "user-2", SECRET_A);

        recorded.receive(signed(delivery("user-1", "user-2"), SECRET_A));
        outbox.failing = true;
        assertThatThrownBy(() -> recorded.receive(signed(delivery("user-1", "user-2", "user-1"), SECRET_A)))
                .hasMessageContaining("storage is down");

        assertThat(outbox.appends).containsExactly(2, 2);
        assertThat(recorded.events(recorded.alpha, first)).hasSize(1);
        assertThat(recorded.events(recorded.beta, second)).hasSize(1);
    }

    @Test
    void deauthorizationTurnsOnlyTheSignersInstancesNeedsReauth() {
        InstanceId alpha = world.provision(world.alpha, "user-1", SECRET_A);
        InstanceId beta = world.provision(world.beta, "user-1", SECRET_B);
        long versionBefore = world.stored(alpha).version();

        int changed = world.elements.receiveEvents().deauthorize(KEY, SignedWebhooksElement.signedNotice(SECRET_A,
                "user-1"));

        assertThat(changed).isEqualTo(1);
        assertThat(world.stored(alpha).status()).isEqualTo(InstanceStatus.NEEDS_REAUTH);
        assertThat(world.stored(alpha).statusReason()).contains("removed the application");
        assertThat(world.stored(alpha).version()).isEqualTo(versionBefore + 1);
        assertThat(world.stored(beta).status()).isEqualTo(InstanceStatus.ACTIVE);
        assertThat(world.elements.receiveEvents().deauthorize(KEY,
                SignedWebhooksElement.signedNotice(SECRET_A, "user-1"))).isZero();
        refused(() -> world.elements.receiveEvents().deauthorize(KEY,
                SignedWebhooksElement.signedNotice("a-guessed-secret", "user-1")), ErrorCode.INVALID_CREDENTIALS);
    }

    @Test
    void dataDeletionRemovesTheProviderTokensAndEventsAndLeavesAStatusToLookUp() {
        InstanceId alpha = world.provision(world.alpha, "user-1", SECRET_A);
        InstanceId beta = world.provision(world.beta, "user-1", SECRET_B);
        String accessToken = world.secretsOf(alpha).tokens().accessToken();
        world.receive(signed(delivery("user-1"), SECRET_A));
        world.receive(signed(delivery("user-1"), SECRET_B));
        world.clock.advance(Duration.ofMinutes(5));

        DataDeletion deletion = world.elements.receiveEvents().deleteData(KEY,
                SignedWebhooksElement.signedNotice(SECRET_A, "user-1"));

        assertThat(deletion.confirmationCode()).matches("[0-9a-f]{32}");
        assertThat(deletion.instancesCleared()).isEqualTo(1);
        assertThat(deletion.eventsDeleted()).isEqualTo(1);
        assertThat(deletion.requestedAt()).isEqualTo(world.clock.instant());
        Instance cleared = world.stored(alpha);
        assertThat(cleared.status()).isEqualTo(InstanceStatus.NEEDS_REAUTH);
        assertThat(cleared.providerAccountId()).isNull();
        InstanceSecrets secrets = world.secretsOf(alpha);
        assertThat(secrets.tokens().isRemoved()).isTrue();
        assertThat(new String(secrets.encode(), StandardCharsets.UTF_8)).doesNotContain(accessToken);
        assertThat(secrets.secretConfiguration()).containsEntry("oauth.api.secret", SECRET_A);
        assertThat(world.elements.instances().instance(world.alpha, alpha).configuration())
                .containsEntry("oauth.user.token", null);
        assertThat(world.events(world.alpha, alpha)).isEmpty();
        assertThat(world.stored(beta).providerAccountId()).isEqualTo("user-1");
        assertThat(world.events(world.beta, beta)).hasSize(1);
        assertThat(world.elements.receiveEvents().dataDeletion(KEY, deletion.confirmationCode())).contains(deletion);
        assertThat(world.elements.receiveEvents().dataDeletion(KEY, "0".repeat(32))).isEmpty();
        // The account no longer routes to the cleared instance: its app secret proves nothing now.
        refused(() -> world.receive(signed(delivery("user-1"), SECRET_A)), ErrorCode.INVALID_CREDENTIALS);
        assertThat(world.receive(signed(delivery("user-1"), SECRET_B))).isEqualTo(1);
        assertThat(world.events(world.alpha, alpha)).isEmpty();
        refused(() -> world.elements.receiveEvents().deleteData(KEY,
                SignedWebhooksElement.signedNotice("a-guessed-secret", "user-1")), ErrorCode.INVALID_CREDENTIALS);
    }

    @Test
    void noRefusalNamesASecret() {
        world.provision(world.alpha, "user-1", SECRET_A);
        InstanceId instance = world.provision(world.beta, "user-2", SECRET_B);
        String accessToken = world.secretsOf(instance).tokens().accessToken();
        WebhookRequest forged = signed(delivery("user-1", "user-2"), "canary-forger-secret");
        List<String> messages = new ArrayList<>();
        messages.add(refused(() -> world.receive(forged), ErrorCode.INVALID_CREDENTIALS).getMessage());
        messages.add(refused(() -> world.elements.receiveEvents().deauthorize(KEY,
                SignedWebhooksElement.signedNotice("canary-forger-secret", "user-2")), ErrorCode.INVALID_CREDENTIALS)
                .getMessage());
        messages.add(refused(() -> world.elements.receiveEvents().deleteData(KEY,
                SignedWebhooksElement.signedNotice("canary-forger-secret", "user-1")), ErrorCode.INVALID_CREDENTIALS)
                .getMessage());
        messages.add(refused(() -> world.receive(unsigned(delivery("user-1"))), ErrorCode.INVALID_CREDENTIALS)
                .getMessage());

        assertThat(messages).allSatisfy(message -> assertThat(message).isNotBlank()
                .doesNotContain(SECRET_A, SECRET_B, SIGNATURE_KEY, VERIFY_TOKEN, accessToken, "canary",
                        forged.header(SignedWebhooksElement.SIGNATURE_HEADER).substring("sha256=".length())));
    }

    @Test
    void anApplicationListsItsInstancesEventsNewestFirstAndRedeliversOnlyParkedOnes() {
        InstanceId instance = world.provision(world.alpha, "user-1", SECRET_A);
        InstanceId betaInstance = world.provision(world.beta, "user-2", SECRET_B);
        world.receive(signed(delivery("user-1"), SECRET_A));
        world.clock.advance(Duration.ofSeconds(1));
        world.receive(signed(delivery("user-1"), SECRET_A));
        var events = world.elements.manageEvents();

        List<OutboxEvent> recent = events.recent(world.alpha, instance, 200);
        assertThat(recent).hasSize(2);
        assertThat(recent.get(0).createdAt()).isAfter(recent.get(1).createdAt());
        assertThat(events.recent(world.alpha, instance, 1)).containsExactly(recent.get(0));
        refused(() -> events.recent(world.alpha, instance, 0), ErrorCode.INVALID_FIELD);
        refused(() -> events.recent(world.alpha, instance, 201), ErrorCode.INVALID_FIELD);
        refused(() -> events.recent(world.alpha, betaInstance, 10), ErrorCode.INSTANCE_NOT_FOUND);
        refused(() -> events.redeliver(world.alpha, betaInstance, recent.get(0).id()), ErrorCode.INSTANCE_NOT_FOUND);

        OutboxEvent pending = recent.get(0);
        refused(() -> events.redeliver(world.alpha, instance, pending.id()), ErrorCode.EVENT_NOT_PARKED);
        refused(() -> events.redeliver(world.alpha, instance, EventId.random()), ErrorCode.RESOURCE_NOT_FOUND);

        Instant now = world.clock.instant();
        List<OutboxEvent> claimed = world.outbox.claimDue(now, "node-1", now.plusSeconds(120), 10);
        claimed.forEach(event -> world.outbox.markFailed(event.id(), "node-1", 9, null, "HTTP 500"));
        world.clock.advance(Duration.ofMinutes(1));
        OutboxEvent again = events.redeliver(world.alpha, instance, pending.id());
        assertThat(again.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(again.attempts()).isZero();
        assertThat(again.nextAttemptAt()).isEqualTo(world.clock.instant());
    }

    /** An outbox in memory that counts what each append held and fails on request, as a database would. */
    private static final class RecordingOutbox implements EventOutbox {
        private final InMemoryEventOutbox stored = new InMemoryEventOutbox();
        final List<Integer> appends = new ArrayList<>();
        volatile boolean failing;

        @Override
        public void append(List<OutboxEvent> events) {
            appends.add(events.size());
            if (failing) {
                throw new IllegalStateException("storage is down");
            }
            stored.append(events);
        }

        @Override
        public List<OutboxEvent> claimDue(Instant now, String holder, Instant leaseUntil, int limit) {
            return stored.claimDue(now, holder, leaseUntil, limit);
        }

        @Override
        public boolean markDelivered(EventId id, String holder, Instant deliveredAt, int attempts) {
            return stored.markDelivered(id, holder, deliveredAt, attempts);
        }

        @Override
        public boolean markFailed(EventId id, String holder, int attempts, Instant nextAttemptAt, String error) {
            return stored.markFailed(id, holder, attempts, nextAttemptAt, error);
        }

        @Override
        public List<OutboxEvent> recent(dev.elements.core.tenant.OrganizationId organization, InstanceId instance,
                int limit) {
            return stored.recent(organization, instance, limit);
        }

        @Override
        public Optional<OutboxEvent> find(dev.elements.core.tenant.OrganizationId organization, InstanceId instance,
                EventId id) {
            return stored.find(organization, instance, id);
        }

        @Override
        public boolean redeliver(dev.elements.core.tenant.OrganizationId organization, InstanceId instance, EventId id,
                Instant now) {
            return stored.redeliver(organization, instance, id, now);
        }

        @Override
        public int deleteAll(InstanceId instance) {
            return stored.deleteAll(instance);
        }
    }
}
