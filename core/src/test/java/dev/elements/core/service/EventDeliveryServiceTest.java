package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.Elements;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.event.DeliveryState;
import dev.elements.core.event.EventType;
import dev.elements.core.event.OutboxEvent;
import dev.elements.core.event.ProviderEvent;
import dev.elements.core.instance.Configuration;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.json.JsonObject;
import dev.elements.core.memory.InMemoryEventOutbox;
import dev.elements.core.memory.InMemoryInstanceRepository;
import dev.elements.core.net.JdkProviderHttp;
import dev.elements.core.port.in.DeliverEventsUseCase;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.port.in.UpdateInstanceCommand;
import dev.elements.core.port.out.ProviderHttp;
import dev.elements.core.port.out.ProviderHttpRequest;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.UserId;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.Platform;
import dev.elements.core.testing.ScriptedElementProvider;
import dev.elements.testing.Await;
import dev.elements.testing.CallbackReceiver;
import dev.elements.testing.TestClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventDeliveryServiceTest {
    private static final String SIGNATURE_KEY = "application-signing-key";

    private final TestClock clock = new TestClock(Fixtures.NOW);
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox();
    private final RecordingHttp http = new RecordingHttp(new JdkProviderHttp(Duration.ofSeconds(2)));
    private final ScriptedElementProvider provider = new ScriptedElementProvider();
    private final CallbackReceiver receiver = CallbackReceiver.start();
    private final Instance instance = Fixtures.instance(new InstanceId(7), new OrganizationId(1), new UserId(1),
            "i", List.of());

    @AfterEach
    void stop() {
        receiver.close();
    }

    /** The application's callback, with a query, as applications often add one. */
    private String callbackUrl() {
        return receiver.url("/events?app=1");
    }

    /** Outbound HTTP that records the timeouts asked for and may shorten them, so a test need not wait 10 s. */
    private static final class RecordingHttp implements ProviderHttp {
        private final ProviderHttp real;
        final List<Duration> askedTimeouts = new CopyOnWriteArrayList<>();
        volatile Duration cap = Duration.ofDays(1);

        RecordingHttp(ProviderHttp real) {
            this.real = real;
        }

        @Override
        public dev.elements.core.port.out.ProviderHttpResponse send(ProviderHttpRequest request) {
            askedTimeouts.add(request.timeout());
            Duration timeout = request.timeout().compareTo(cap) > 0 ? cap : request.timeout();
            return real.send(new ProviderHttpRequest(request.method(), request.uri(), request.headers(),
                    request.body(), timeout));
        }
    }

    private Elements elements(boolean allowPrivateCallbacks) {
        return Elements.builder().clock(clock).inMemory().instances(new InMemoryInstanceRepository())
                .eventOutbox(outbox).http(http).provider(provider).allowPrivateCallbacks(allowPrivateCallbacks)
                .build();
    }

    private DeliverEventsUseCase deliveries() {
        return elements(true).deliverEvents();
    }

    /** One accepted event for {@code callbackUrl}, stored as the receiving side stores it. */
    private OutboxEvent accepted(String callbackUrl) {
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("event.notification.enabled", "true");
        configuration.put("event.notification.callback.url", callbackUrl);
        configuration.put("event.notification.signature.key", SIGNATURE_KEY);
        List<OutboxEvent> events = Notifications.compose(instance, Configuration.of(configuration),
                List.of(new ProviderEvent("post", "p-1", EventType.CREATED, clock.instant())),
                JsonObject.builder().put("entry", "ünïcode").build(), Notifications.WEBHOOK_BATCH, clock.instant());
        outbox.append(events);
        return events.get(0);
    }

    private OutboxEvent stored(OutboxEvent event) {
        return outbox.find(event.organizationId(), event.instanceId(), event.id()).orElseThrow();
    }

    private static String hmac(String key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    @Test
    void aDeliveryPostsTheStoredBytesWithTheirSignatureAndIsDeliveredOn2xx() throws Exception {
        DeliverEventsUseCase deliveries = deliveries();
        OutboxEvent event = accepted(callbackUrl());

        assertThat(deliveries.deliverDue()).isEqualTo(1);

        assertThat(receiver.received()).hasSize(1);
        CallbackReceiver.Received got = receiver.received().get(0);
        assertThat(got.body()).isEqualTo(event.body().getBytes(StandardCharsets.UTF_8));
        assertThat(got.header("Elements-Webhook-Signature")).isEqualTo(hmac(SIGNATURE_KEY, got.body()));
        assertThat(got.header("Elements-Event-Id")).isEqualTo(event.id().value());
        assertThat(got.header("Content-Type")).isEqualTo("application/json");
        assertThat(http.askedTimeouts).containsExactly(Duration.ofSeconds(10));
        OutboxEvent delivered = stored(event);
        assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(delivered.deliveredAt()).isEqualTo(clock.instant());
        assertThat(deliveries.deliverDue()).as("nothing is sent twice").isZero();
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void theBackgroundDeliversOnItsOwnDaemonThreadUntilClosed() throws Exception {
        DeliverEventsUseCase deliveries = deliveries();
        OutboxEvent event = accepted(callbackUrl());

        try (AutoCloseable background = deliveries.startBackground(Duration.ofMillis(10))) {
            Await.until("the event is delivered", Duration.ofSeconds(30),
                    () -> stored(event).state() == DeliveryState.DELIVERED);
            assertThat(Thread.getAllStackTraces().keySet()).anySatisfy(thread -> {
                assertThat(thread.getName()).isEqualTo("elements-events");
                assertThat(thread.isDaemon()).isTrue();
            });
        }
        assertThat(receiver.received()).as("sent once, however many rounds ran").hasSize(1);
    }

    @Test
    void anEventWithoutSignatureKeyIsSentWithoutSignature() {
        DeliverEventsUseCase deliveries = deliveries();
        List<OutboxEvent> events = Notifications.compose(instance, Configuration.of(Map.of(
                "event.notification.enabled", "true", "event.notification.callback.url", callbackUrl())),
                List.of(new ProviderEvent("post", null, EventType.UPDATED, clock.instant())),
                JsonObject.builder().build(), Notifications.WEBHOOK_BATCH, clock.instant());
        outbox.append(events);

        assertThat(deliveries.deliverDue()).isEqualTo(1);

        assertThat(receiver.received().get(0).header("Elements-Webhook-Signature")).isNull();
        assertThat(stored(events.get(0)).state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void failedAttemptsAreRetriedAfter4Then16Then64Seconds() {
        DeliverEventsUseCase deliveries = deliveries();
        receiver.failNext(3, 503);
        OutboxEvent event = accepted(callbackUrl());

        for (int failed = 1; failed <= 3; failed++) {
            Instant failedAt = clock.instant();
            assertThat(deliveries.deliverDue()).isEqualTo(1);
            OutboxEvent pending = stored(event);
            assertThat(pending.state()).isEqualTo(DeliveryState.PENDING);
            assertThat(pending.attempts()).isEqualTo(failed);
            assertThat(pending.lastError()).isEqualTo("HTTP 503");
            Duration wait = Duration.ofSeconds((long) Math.pow(4, failed));
            assertThat(pending.nextAttemptAt()).isEqualTo(failedAt.plus(wait));

            clock.advance(wait.minusMillis(1));
            assertThat(deliveries.deliverDue()).as("not due before its time").isZero();
            clock.advance(Duration.ofMillis(1));
        }
        assertThat(deliveries.deliverDue()).isEqualTo(1);

        assertThat(stored(event).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(stored(event).attempts()).isEqualTo(4);
        assertThat(receiver.received()).hasSize(4)
                .allSatisfy(got -> assertThat(got.body()).isEqualTo(event.body().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theNinthFailedAttemptParksTheEventAndARedeliveryTriesAgain() {
        DeliverEventsUseCase deliveries = deliveries();
        receiver.failNext(Integer.MAX_VALUE, 503);
        OutboxEvent event = accepted(callbackUrl());

        for (int failed = 1; failed <= 8; failed++) {
            assertThat(deliveries.deliverDue()).isEqualTo(1);
            assertThat(stored(event).nextAttemptAt()).isEqualTo(clock.instant().plus(
                    Duration.ofSeconds(1L << (2 * failed))));
            clock.advance(Duration.ofSeconds(1L << (2 * failed)));
        }
        assertThat(deliveries.deliverDue()).isEqualTo(1);

        OutboxEvent parked = stored(event);
        assertThat(parked.state()).isEqualTo(DeliveryState.PARKED);
        assertThat(parked.attempts()).isEqualTo(9);
        assertThat(parked.nextAttemptAt()).isNull();
        clock.advance(Duration.ofDays(30));
        assertThat(deliveries.deliverDue()).isZero();
        assertThat(receiver.received()).hasSize(9);

        receiver.failNext(0, 503);
        assertThat(outbox.redeliver(event.organizationId(), event.instanceId(), event.id(), clock.instant())).isTrue();
        assertThat(deliveries.deliverDue()).isEqualTo(1);

        assertThat(stored(event).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(receiver.received()).hasSize(10);
    }

    @Test
    void anEventLeasedByAnotherNodeIsNotSentUntilItsLeaseRunsOut() {
        DeliverEventsUseCase deliveries = deliveries();
        OutboxEvent event = accepted(callbackUrl());
        assertThat(outbox.claimDue(clock.instant(), "another-node", clock.instant().plus(Duration.ofMinutes(2)), 50))
                .hasSize(1);

        assertThat(deliveries.deliverDue()).isZero();
        clock.advance(Duration.ofMinutes(2).minusMillis(1));
        assertThat(deliveries.deliverDue()).isZero();
        assertThat(receiver.received()).isEmpty();

        clock.advance(Duration.ofMillis(1));
        assertThat(deliveries.deliverDue()).as("the other node died: its lease ran out").isEqualTo(1);
        assertThat(stored(event).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(outbox.markDelivered(event.id(), "another-node", clock.instant(), 1))
                .as("the node that lost its lease cannot record an outcome").isFalse();
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsAFailedAttempt() {
        DeliverEventsUseCase deliveries = deliveries();
        http.cap = Duration.ofMillis(300);
        receiver.hangNext(1);
        OutboxEvent event = accepted(callbackUrl());
        Instant before = clock.instant();

        assertThat(deliveries.deliverDue()).isEqualTo(1);

        OutboxEvent failed = stored(event);
        assertThat(http.askedTimeouts).containsExactly(Duration.ofSeconds(10));
        assertThat(failed.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(failed.lastError()).isEqualTo("timed out");
        assertThat(failed.nextAttemptAt()).isEqualTo(before.plusSeconds(4));
    }

    @Test
    void aReceiverThatCannotBeReachedIsAFailedAttemptWhoseErrorNamesNoAddress() throws IOException {
        DeliverEventsUseCase deliveries = deliveries();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OutboxEvent event = accepted("http://127.0.0.1:" + closedPort + "/events?token=secret");

        assertThat(deliveries.deliverDue()).isEqualTo(1);

        assertThat(stored(event).lastError()).isEqualTo("unreachable");
        assertThat(stored(event).attempts()).isEqualTo(1);
    }

    @Test
    void aPrivateCallbackIsRefusedAtDeliveryWhenForbiddenAndCountsAsAnAttempt() {
        DeliverEventsUseCase deliveries = elements(false).deliverEvents();
        OutboxEvent event = accepted(callbackUrl());

        assertThat(deliveries.deliverDue()).isEqualTo(1);

        OutboxEvent refused = stored(event);
        assertThat(receiver.received()).isEmpty();
        assertThat(refused.lastError()).isEqualTo("callback address not allowed");
        assertThat(refused.attempts()).isEqualTo(1);
        assertThat(refused.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(4));
    }

    @Test
    void aPrivateCallbackIsRefusedWhenSetIfForbiddenAndTakenIfAllowed() {
        Elements forbidding = elements(false);
        Principal principal = forbidding.bootstrap().createFirstIfEmpty(Fixtures.secret(), Fixtures.secret())
                .orElseThrow().principal();
        for (String url : List.of(callbackUrl(), "http://10.1.2.3/e", "http://169.254.169.254/latest",
                "http://[::1]:8080/e", "http://[fd00::1]/e", "http://100.64.0.1/e", "http://[::ffff:127.0.0.1]/e",
                "http://localhost/e", "http://0.0.0.0/e")) {
            provider.accept("code-" + url, "user");
            assertThatThrownBy(() -> forbidding.provisioning().provision(command(principal, "code-" + url, url)))
                    .as(url)
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
                        assertThat(e.getMessage()).contains("event.notification.callback.url")
                                .contains("loopback or private");
                    });
        }
        provider.accept("code-public", "user");
        InstanceDescription created = forbidding.provisioning().provision(command(principal, "code-public",
                "https://93.184.216.34/events"));
        assertThatThrownBy(() -> forbidding.instances().update(principal, created.id(), new UpdateInstanceCommand(false,
                null, null, Map.of("event.notification.callback.url", "http://192.168.1.1/e"), null, null)))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION));

        Elements allowing = elements(true);
        Principal other = allowing.bootstrap().createFirstIfEmpty(Fixtures.secret(), Fixtures.secret())
                .orElseThrow().principal();
        provider.accept("code-local", "user");
        assertThat(allowing.provisioning().provision(command(other, "code-local", callbackUrl())).configuration())
                .containsEntry("event.notification.callback.url", callbackUrl());
    }

    private static ProvisionInstanceCommand command(Principal principal, String code, String callbackUrl) {
        Map<String, String> configuration = Platform.configuration();
        configuration.put("event.notification.enabled", "true");
        configuration.put("event.notification.callback.url", callbackUrl);
        return new ProvisionInstanceCommand(principal, ScriptedElementProvider.KEY, code, configuration, List.of(),
                "events", null);
    }
}
