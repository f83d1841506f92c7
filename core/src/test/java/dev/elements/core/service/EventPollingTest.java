package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.Elements;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.event.EventType;
import dev.elements.core.event.OutboxEvent;
import dev.elements.core.event.ProviderEvent;
import dev.elements.core.instance.Configuration;
import dev.elements.core.instance.InstanceStatus;
import dev.elements.core.json.JsonObject;
import dev.elements.core.memory.InMemoryEventOutbox;
import dev.elements.core.memory.InMemoryInstanceRepository;
import dev.elements.core.oauth.AuthorizationCode;
import dev.elements.core.oauth.AuthorizationRequest;
import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.in.DeliverEventsUseCase;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.port.in.UpdateInstanceCommand;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.spi.ElementProvider;
import dev.elements.core.spi.event.PollRequest;
import dev.elements.core.spi.event.PollResult;
import dev.elements.core.spi.event.ProviderPoller;
import dev.elements.core.tenant.Principal;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.Platform;
import dev.elements.core.testing.ScriptedElementProvider;
import dev.elements.testing.TestClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EventPollingTest {
    private final TestClock clock = new TestClock(Fixtures.NOW);
    private final ScriptedElementProvider scripted = new ScriptedElementProvider();
    private final PollingElement element = new PollingElement(scripted);
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox();
    private final Elements elements = Elements.builder().clock(clock).inMemory()
            .instances(new InMemoryInstanceRepository()).eventOutbox(outbox).provider(element).build();
    private final DeliverEventsUseCase events = elements.deliverEvents();
    private final Principal principal = elements.bootstrap().createFirstIfEmpty(Fixtures.secret(), Fixtures.secret())
            .orElseThrow().principal();
    private int codes;

    /** The scripted element, able to poll: each poll answers with the next scripted result or failure. */
    private static final class PollingElement implements ElementProvider, ProviderPoller {
        private final ScriptedElementProvider scripted;
        final List<PollRequest> seen = new CopyOnWriteArrayList<>();
        private final Deque<Object> answers = new ArrayDeque<>();

        PollingElement(ScriptedElementProvider scripted) {
            this.scripted = scripted;
        }

        synchronized PollingElement answer(Object resultOrFailure) {
            answers.add(resultOrFailure);
            return this;
        }

        @Override
        public synchronized PollResult poll(PollRequest request, ElementContext context) {
            seen.add(request);
            Object next = answers.poll();
            if (next instanceof ProviderException failure) {
                throw failure;
            }
            return next == null ? new PollResult(List.of(), JsonObject.builder().build(), "unchanged") : (PollResult) next;
        }

        @Override
        public Optional<ProviderPoller> poller() {
            return Optional.of(this);
        }

        @Override
        public ElementDefinition definition() {
            return scripted.definition();
        }

        @Override
        public URI authorizationUrl(AuthorizationRequest request, Configuration configuration) {
            return scripted.authorizationUrl(request, configuration);
        }

        @Override
        public TokenSet exchangeCode(AuthorizationCode code, Configuration configuration, ElementContext context) {
            return scripted.exchangeCode(code, configuration, context);
        }

        @Override
        public TokenSet renew(TokenSet current, Configuration configuration, ElementContext context) {
            return scripted.renew(current, configuration, context);
        }
    }

    private static PollResult found(String cursor, String... postIds) {
        List<ProviderEvent> found = java.util.Arrays.stream(postIds)
                .map(id -> new ProviderEvent("post", id, EventType.CREATED, Fixtures.NOW)).toList();
        return new PollResult(found, JsonObject.builder().put("data", String.join(",", postIds)).build(), cursor);
    }

    private InstanceDescription provision(Map<String, String> events) {
        Map<String, String> configuration = Platform.configuration();
        configuration.putAll(events);
        String code = "code-" + (++codes);
        scripted.accept(code, "user-" + codes);
        return elements.provisioning().provision(new ProvisionInstanceCommand(principal, ScriptedElementProvider.KEY,
                code, configuration, List.of(), "polled", null));
    }

    private static Map<String, String> polling(String minutes) {
        return Map.of("event.notification.enabled", "true", "event.vendor.type", "polling",
                "event.poller.refresh_interval", minutes, "event.notification.callback.url", "https://app.example/e");
    }

    private void patch(InstanceDescription instance, Map<String, String> configuration) {
        elements.instances().update(principal, instance.id(),
                new UpdateInstanceCommand(false, null, null, configuration, null, null));
    }

    private List<OutboxEvent> stored(InstanceDescription instance) {
        return outbox.recent(principal.organizationId(), instance.id(), 100);
    }

    @Test
    void aPolledInstanceIsPolledEveryIntervalWithTheCursorOfThePreviousPoll() {
        Instant provisioned = clock.instant();
        InstanceDescription instance = provision(polling("5"));
        element.answer(found("cursor-1", "p1", "p2")).answer(found("cursor-2", "p3"));

        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(events.pollDue()).as("the first poll is one interval after provisioning").isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(events.pollDue()).isEqualTo(1);
        assertThat(events.pollDue()).as("one poll per interval").isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(events.pollDue()).isEqualTo(1);

        assertThat(element.seen).extracting(PollRequest::cursor).containsExactly(null, "cursor-1");
        assertThat(element.seen).extracting(PollRequest::since).containsOnly(provisioned);
        assertThat(element.seen.get(0).configuration().get("oauth.api.secret")).contains("canary-app-secret");
        assertThat(stored(instance)).hasSize(2);
        assertThat(stored(instance)).extracting(OutboxEvent::body)
                .anySatisfy(body -> assertThat(body).contains("\"p1\"").contains("\"p2\"").contains("CREATED"))
                .anySatisfy(body -> assertThat(body).contains("\"p3\"").doesNotContain("\"p1\""));
    }

    @Test
    void instancesThatDoNotPollAreNotPolled() {
        provision(Map.of("event.notification.enabled", "true", "event.vendor.type", "webhook"));
        provision(Map.of("event.notification.enabled", "false", "event.vendor.type", "polling"));

        clock.advance(Duration.ofDays(1));

        assertThat(events.pollDue()).isZero();
        assertThat(element.seen).isEmpty();
    }

    @Test
    void theScheduleFollowsConfigurationChangesAndDeletion() {
        InstanceDescription instance = provision(polling("5"));

        patch(instance, Map.of("event.notification.enabled", "false"));
        clock.advance(Duration.ofMinutes(10));
        assertThat(events.pollDue()).as("polling was switched off").isZero();

        patch(instance, Map.of("event.notification.enabled", "true"));
        clock.advance(Duration.ofMinutes(5));
        assertThat(events.pollDue()).as("switched on again: one interval later").isEqualTo(1);

        patch(instance, Map.of("event.poller.refresh_interval", "30"));
        clock.advance(Duration.ofMinutes(29));
        assertThat(events.pollDue()).as("the new interval counts from the change").isZero();
        elements.instances().update(principal, instance.id(),
                new UpdateInstanceCommand(false, "renamed", null, null, null, null));
        clock.advance(Duration.ofMinutes(1));
        assertThat(events.pollDue()).as("a change that leaves polling as it was moves nothing").isEqualTo(1);

        elements.instances().delete(principal, instance.id());
        clock.advance(Duration.ofDays(1));
        assertThat(events.pollDue()).isZero();
        assertThat(element.seen).hasSize(2);
    }

    @Test
    void aRejectedTokenMakesTheInstanceNeedReauthorizationAndAnOutageKeepsTheCursor() {
        InstanceDescription instance = provision(polling("5"));
        element.answer(found("cursor-1", "p1"))
                .answer(new ProviderException(ProviderError.of(ProviderErrorClass.TRANSIENT, "down")))
                .answer(new ProviderException(ProviderError.of(ProviderErrorClass.INVALID_TOKEN, "expired")));

        for (int poll = 0; poll < 3; poll++) {
            clock.advance(Duration.ofMinutes(5));
            assertThat(events.pollDue()).isEqualTo(1);
        }

        assertThat(element.seen).extracting(PollRequest::cursor).containsExactly(null, "cursor-1", "cursor-1");
        assertThat(elements.instances().instance(principal, instance.id()).status())
                .isEqualTo(InstanceStatus.NEEDS_REAUTH);
        assertThat(stored(instance)).hasSize(1);
        clock.advance(Duration.ofMinutes(5));
        assertThat(events.pollDue()).as("an instance that needs a new authorization is not polled").isZero();
        assertThat(element.seen).hasSize(3);
    }

    @Test
    void dueCredentialsAreRenewedBeforeThePoll() {
        InstanceDescription instance = provision(polling("61"));
        String first = elements.instances().instance(principal, instance.id()).configuration()
                .get("oauth.user.token");

        clock.advance(Duration.ofMinutes(61));
        assertThat(events.pollDue()).isEqualTo(1);

        assertThat(scripted.renewals()).isEqualTo(1);
        assertThat(element.seen.get(0).tokens().accessToken()).contains("-renewed1").isNotEqualTo(first);
    }
}
