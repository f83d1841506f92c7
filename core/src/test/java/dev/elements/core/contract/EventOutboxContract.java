package dev.elements.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.event.DeliveryState;
import dev.elements.core.event.EventId;
import dev.elements.core.event.OutboxEvent;
import dev.elements.core.instance.Instance;
import dev.elements.core.port.out.EventOutbox;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.Principal;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.SimultaneousCalls;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link EventOutbox} must do; storages extend this class. */
public abstract class EventOutboxContract {
    private static final Instant NOW = Fixtures.NOW;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final String CALLBACK = "https://app.example/events";

    private EventOutbox outbox;
    private Instance mine;
    private Instance mySecond;
    private Instance theirs;

    /** Empty stores sharing one storage; events are stored for instances of {@code instances}. */
    protected abstract OutboxStores emptyStores();

    public record OutboxStores(InstanceRepository instances, TenantRepository tenants, EventOutbox outbox) {
    }

    @BeforeEach
    void instances() {
        OutboxStores stores = emptyStores();
        outbox = stores.outbox();
        Principal one = Fixtures.organization(stores.tenants(), "One");
        Principal two = Fixtures.organization(stores.tenants(), "Two");
        mine = instance(stores.instances(), one, "mine");
        mySecond = instance(stores.instances(), one, "my second");
        theirs = instance(stores.instances(), two, "theirs");
    }

    private static Instance instance(InstanceRepository instances, Principal owner, String name) {
        Instance instance = Fixtures.instance(instances.nextId(), owner.organizationId(), owner.user().id(), name,
                List.of());
        instances.insert(instance);
        return instance;
    }

    private static OutboxEvent pending(Instance instance, Instant createdAt, Instant due) {
        EventId id = EventId.random();
        return new OutboxEvent(id, instance.organizationId(), instance.id(), instance.elementKey(), createdAt, CALLBACK,
                "{\"eventId\":\"" + id + "\"}", "sha256=c2lnbmF0dXJl", DeliveryState.PENDING, 0, due, null, null);
    }

    private static OutboxEvent due(Instance instance, Instant due) {
        return pending(instance, NOW, due);
    }

    private static OutboxEvent withoutCallback(Instance instance) {
        EventId id = EventId.random();
        return new OutboxEvent(id, instance.organizationId(), instance.id(), instance.elementKey(), NOW, null,
                "{\"eventId\":\"" + id + "\"}", null, DeliveryState.NO_CALLBACK, 0, null, null, null);
    }

    private OutboxEvent stored(OutboxEvent event) {
        return outbox.find(event.organizationId(), event.instanceId(), event.id()).orElseThrow();
    }

    private static List<EventId> ids(List<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::id).toList();
    }

    private OutboxEvent parked(Instance instance) {
        OutboxEvent event = due(instance, NOW);
        outbox.append(List.of(event));
        assertThat(outbox.claimDue(NOW, "node-a", NOW.plus(LEASE), 10)).hasSize(1);
        assertThat(outbox.markFailed(event.id(), "node-a", 9, null, "HTTP 500")).isTrue();
        return event;
    }

    @Test
    void storesAndReadsBackEveryField() {
        OutboxEvent event = pending(mine, NOW, NOW.plusSeconds(1));
        OutboxEvent quiet = withoutCallback(mine);

        outbox.append(List.of(event, quiet));

        assertThat(stored(event)).isEqualTo(event);
        assertThat(stored(quiet)).isEqualTo(quiet);
    }

    @Test
    void keepsALargeNotificationWhole() {
        String raw = "{\"entry\":[\"" + "é-x".repeat(1_000_000) + "\"]}";
        OutboxEvent event = pending(mine, NOW, NOW);
        OutboxEvent large = new OutboxEvent(event.id(), event.organizationId(), event.instanceId(), event.elementKey(),
                event.createdAt(), event.callbackUrl(), raw, event.signature(), event.state(), 0, NOW, null, null);

        outbox.append(List.of(large));

        assertThat(stored(large).body()).isEqualTo(raw);
    }

    @Test
    void appendStoresAllOrNothing() {
        OutboxEvent first = due(mine, NOW);
        OutboxEvent second = due(mine, NOW);
        OutboxEvent sameIdAsFirst = new OutboxEvent(first.id(), first.organizationId(), mySecond.id(),
                first.elementKey(), NOW, CALLBACK, "{}", null, DeliveryState.PENDING, 0, NOW, null, null);

        assertThatThrownBy(() -> outbox.append(List.of(first, second, sameIdAsFirst)))
                .isInstanceOf(RuntimeException.class);
        assertThat(outbox.recent(mine.organizationId(), mine.id(), 10)).isEmpty();
        assertThat(outbox.recent(mySecond.organizationId(), mySecond.id(), 10)).isEmpty();

        outbox.append(List.of(first));
        OutboxEvent third = due(mine, NOW);
        assertThatThrownBy(() -> outbox.append(List.of(third, first))).isInstanceOf(RuntimeException.class);
        assertThat(outbox.find(third.organizationId(), third.instanceId(), third.id())).isEmpty();
        assertThat(outbox.claimDue(NOW, "node-a", NOW.plus(LEASE), 10)).containsExactly(first);
    }

    @Test
    void claimsTheEarliestDueFirstUpToTheLimit() {
        OutboxEvent late = due(mine, NOW.minusSeconds(1));
        OutboxEvent earliest = due(theirs, NOW.minusSeconds(3));
        OutboxEvent notYet = due(mine, NOW.plusMillis(1));
        OutboxEvent middle = due(mySecond, NOW.minusSeconds(2));
        outbox.append(List.of(late, earliest, notYet, middle, withoutCallback(mine)));

        assertThat(outbox.claimDue(NOW, "node-a", NOW.plus(LEASE), 2)).containsExactly(earliest, middle);
        assertThat(outbox.claimDue(NOW, "node-b", NOW.plus(LEASE), 10)).containsExactly(late);
        assertThat(outbox.claimDue(NOW, "node-c", NOW.plus(LEASE), 10)).isEmpty();
        assertThat(outbox.claimDue(NOW.plusMillis(1), "node-c", NOW.plus(LEASE), 10)).containsExactly(notYet);
    }

    @Test
    void eventsDueTogetherAreClaimedInTheOrderTheyWereAppended() {
        List<OutboxEvent> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            batch.add(due(mine, NOW));
        }
        outbox.append(batch);

        assertThat(outbox.claimDue(NOW, "node-a", NOW.plus(LEASE), 20)).containsExactlyElementsOf(batch);
    }

    @Test
    void aHeldLeaseIsNotClaimedAgainUntilItExpires() {
        OutboxEvent event = due(mine, NOW);
        outbox.append(List.of(event));

        assertThat(outbox.claimDue(NOW, "crashed-node", NOW.plus(LEASE), 10)).containsExactly(event);
        assertThat(outbox.claimDue(NOW.plus(LEASE).minusMillis(1), "node-b", NOW.plus(LEASE).plus(LEASE), 10))
                .isEmpty();
        assertThat(outbox.claimDue(NOW.plus(LEASE), "node-b", NOW.plus(LEASE).plus(LEASE), 10))
                .containsExactly(event);

        assertThat(outbox.markDelivered(event.id(), "crashed-node", NOW.plus(LEASE), 1))
                .as("a lease taken over is no longer the first holder's").isFalse();
        assertThat(outbox.markDelivered(event.id(), "node-b", NOW.plus(LEASE), 1)).isTrue();
    }

    @Test
    void onlyTheHolderMarksAnEventDelivered() {
        OutboxEvent event = due(mine, NOW);
        outbox.append(List.of(event));
        assertThat(outbox.markDelivered(event.id(), "node-a", NOW, 1)).as("not claimed yet").isFalse();
        outbox.claimDue(NOW, "node-a", NOW.plus(LEASE), 10);

        assertThat(outbox.markDelivered(event.id(), "node-b", NOW.plusSeconds(1), 1)).isFalse();
        assertThat(outbox.markFailed(event.id(), "node-b", 1, NOW.plusSeconds(4), "HTTP 500")).isFalse();
        assertThat(stored(event)).isEqualTo(event);

        assertThat(outbox.markDelivered(event.id(), "node-a", NOW.plusSeconds(1), 1)).isTrue();
        OutboxEvent delivered = stored(event);
        assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(delivered.deliveredAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(delivered.nextAttemptAt()).isNull();
        assertThat(delivered.body()).isEqualTo(event.body());
        assertThat(outbox.markDelivered(event.id(), "node-a", NOW.plusSeconds(2), 2)).as("the lease was freed")
                .isFalse();
        assertThat(outbox.claimDue(NOW.plus(Duration.ofDays(1)), "node-b", NOW.plus(Duration.ofDays(2)), 10))
                .isEmpty();
    }

    @Test
    void aFailedAttemptIsDueAgainAtItsNextTime() {
        OutboxEvent event = due(mine, NOW);
        outbox.append(List.of(event));
        outbox.claimDue(NOW, "node-a", NOW.plus(LEASE), 10);

        assertThat(outbox.markFailed(event.id(), "node-a", 1, NOW.plusSeconds(5), "HTTP 503")).isTrue();

        OutboxEvent failed = stored(event);
        assertThat(failed.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(failed.lastError()).isEqualTo("HTTP 503");
        assertThat(failed.deliveredAt()).isNull();
        assertThat(outbox.claimDue(NOW.plusSeconds(5).minusMillis(1), "node-b", NOW.plus(LEASE), 10)).isEmpty();
        assertThat(outbox.claimDue(NOW.plusSeconds(5), "node-b", NOW.plus(LEASE), 10)).containsExactly(failed);
    }

    @Test
    void aFailureWithoutANextTimeParksTheEvent() {
        OutboxEvent event = parked(mine);

        OutboxEvent parked = stored(event);
        assertThat(parked.state()).isEqualTo(DeliveryState.PARKED);
        assertThat(parked.attempts()).isEqualTo(9);
        assertThat(parked.nextAttemptAt()).isNull();
        assertThat(parked.lastError()).isEqualTo("HTTP 500");
        assertThat(outbox.claimDue(NOW.plus(Duration.ofDays(365)), "node-b", NOW.plus(Duration.ofDays(366)), 10))
                .isEmpty();
    }

    @Test
    void redeliveryPutsOnlyAParkedEventBackAndDueNow() {
        OutboxEvent waiting = due(mine, NOW.plusSeconds(30));
        OutboxEvent quiet = withoutCallback(mine);
        outbox.append(List.of(waiting, quiet));
        OutboxEvent parked = parked(mine);
        OutboxEvent delivered = due(mine, NOW);
        outbox.append(List.of(delivered));
        outbox.claimDue(NOW, "node-a", NOW.plus(LEASE), 10);
        outbox.markDelivered(delivered.id(), "node-a", NOW, 1);
        Instant later = NOW.plusSeconds(60);

        assertThat(outbox.redeliver(mine.organizationId(), mine.id(), waiting.id(), later)).isFalse();
        assertThat(outbox.redeliver(mine.organizationId(), mine.id(), quiet.id(), later)).isFalse();
        assertThat(outbox.redeliver(mine.organizationId(), mine.id(), delivered.id(), later)).isFalse();
        assertThat(outbox.redeliver(mine.organizationId(), mine.id(), EventId.random(), later)).isFalse();
        assertThat(outbox.redeliver(theirs.organizationId(), mine.id(), parked.id(), later)).isFalse();
        assertThat(outbox.redeliver(mine.organizationId(), mySecond.id(), parked.id(), later)).isFalse();
        assertThat(stored(parked).state()).isEqualTo(DeliveryState.PARKED);

        assertThat(outbox.redeliver(mine.organizationId(), mine.id(), parked.id(), later)).isTrue();
        OutboxEvent again = stored(parked);
        assertThat(again.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(again.attempts()).isZero();
        assertThat(again.nextAttemptAt()).isEqualTo(later);
        assertThat(outbox.redeliver(mine.organizationId(), mine.id(), parked.id(), later)).as("no longer parked")
                .isFalse();
        assertThat(ids(outbox.claimDue(later, "node-b", later.plus(LEASE), 10))).containsExactly(waiting.id(),
                parked.id());
    }

    @Test
    void listsAnInstancesNewestEventsFirstForItsOrganizationOnly() {
        OutboxEvent oldest = pending(mine, NOW.minusSeconds(20), NOW);
        OutboxEvent newest = pending(mine, NOW, NOW);
        OutboxEvent middle = pending(mine, NOW.minusSeconds(10), NOW);
        OutboxEvent acceptedWithNewest = pending(mine, NOW, NOW);
        outbox.append(List.of(oldest));
        outbox.append(List.of(newest, acceptedWithNewest));
        outbox.append(List.of(middle, pending(mySecond, NOW, NOW), pending(theirs, NOW, NOW)));

        assertThat(outbox.recent(mine.organizationId(), mine.id(), 10))
                .containsExactly(acceptedWithNewest, newest, middle, oldest);
        assertThat(outbox.recent(mine.organizationId(), mine.id(), 2)).containsExactly(acceptedWithNewest, newest);
        assertThat(outbox.recent(theirs.organizationId(), mine.id(), 10)).isEmpty();
        assertThat(outbox.recent(new OrganizationId(mine.organizationId().value() + 1000), mine.id(), 10)).isEmpty();
    }

    @Test
    void findsAnEventOnlyThroughItsOrganizationAndInstance() {
        OutboxEvent event = due(mine, NOW);
        outbox.append(List.of(event));

        assertThat(outbox.find(mine.organizationId(), mine.id(), event.id())).contains(event);
        assertThat(outbox.find(theirs.organizationId(), mine.id(), event.id())).isEmpty();
        assertThat(outbox.find(mine.organizationId(), mySecond.id(), event.id())).isEmpty();
        assertThat(outbox.find(mine.organizationId(), mine.id(), EventId.random())).isEmpty();
    }

    @Test
    void deletesEveryEventOfOneInstance() {
        parked(mine);
        OutboxEvent kept = due(mySecond, NOW);
        outbox.append(List.of(due(mine, NOW), withoutCallback(mine), kept));

        assertThat(outbox.deleteAll(mine.id())).isEqualTo(3);

        assertThat(outbox.recent(mine.organizationId(), mine.id(), 10)).isEmpty();
        assertThat(outbox.deleteAll(mine.id())).isZero();
        assertThat(outbox.recent(mySecond.organizationId(), mySecond.id(), 10)).containsExactly(kept);
        assertThat(outbox.claimDue(NOW, "node-a", NOW.plus(LEASE), 10)).containsExactly(kept);
    }

    @Test
    void concurrentClaimsNeverShareAnEvent() throws Exception {
        List<OutboxEvent> events = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            events.add(due(i % 2 == 0 ? mine : theirs, NOW.minusMillis(i)));
        }
        outbox.append(events);

        List<Callable<List<EventId>>> claimers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String holder = "node-" + i;
            claimers.add(() -> claimUntilNoneLeft(outbox, holder));
        }
        List<List<EventId>> claimed = new ArrayList<>(SimultaneousCalls.race(claimers));
        claimed.add(claimUntilNoneLeft(outbox, "late-node"));

        assertThat(claimed.stream().mapToInt(List::size).sum()).as("no event claimed twice").isEqualTo(120);
        assertThat(claimed.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(ids(events));
    }

    /**
     * Claims small batches until a claim comes back empty, as a node's delivery loop does; a claim
     * that raced another for the same rows may come back empty early, which the caller tolerates.
     */
    public static List<EventId> claimUntilNoneLeft(EventOutbox outbox, String holder) {
        List<EventId> claimed = new ArrayList<>();
        Set<EventId> seen = new HashSet<>();
        while (true) {
            List<OutboxEvent> batch = outbox.claimDue(NOW, holder, NOW.plus(LEASE), 7);
            if (batch.isEmpty()) {
                return claimed;
            }
            for (OutboxEvent event : batch) {
                assertThat(seen.add(event.id())).as("one holder never gets its own event twice").isTrue();
                claimed.add(event.id());
            }
        }
    }
}
