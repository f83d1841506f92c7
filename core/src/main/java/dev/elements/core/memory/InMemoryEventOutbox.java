package dev.elements.core.memory;

import static java.util.Objects.requireNonNull;

import dev.elements.core.event.DeliveryState;
import dev.elements.core.event.EventId;
import dev.elements.core.event.OutboxEvent;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.out.EventOutbox;
import dev.elements.core.tenant.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The outbox in memory, for embedding in one process and for tests; one lock keeps it simple and exact. */
public final class InMemoryEventOutbox implements EventOutbox {
    private record Entry(OutboxEvent event, String holder, Instant leaseUntil) {
    }

    private final Map<EventId, Entry> entries = new LinkedHashMap<>();

    @Override
    public synchronized void append(List<OutboxEvent> events) {
        Set<EventId> appended = new HashSet<>();
        for (OutboxEvent event : events) {
            // A duplicate within the batch refuses the batch too, as a database's primary key would.
            if (entries.containsKey(event.id()) || !appended.add(event.id())) {
                throw new IllegalStateException("event " + event.id() + " is stored already");
            }
        }
        events.forEach(event -> entries.put(event.id(), new Entry(event, null, null)));
    }

    @Override
    public synchronized List<OutboxEvent> claimDue(Instant now, String holder, Instant leaseUntil, int limit) {
        requireNonNull(holder, "holder");
        List<Entry> due = entries.values().stream()
                .filter(entry -> entry.event().state() == DeliveryState.PENDING)
                .filter(entry -> !entry.event().nextAttemptAt().isAfter(now))
                .filter(entry -> entry.leaseUntil() == null || !entry.leaseUntil().isAfter(now))
                // A stable sort of the map's insertion order: events due together go in the order appended.
                .sorted(Comparator.comparing((Entry entry) -> entry.event().nextAttemptAt()))
                .limit(limit)
                .toList();
        due.forEach(entry -> entries.put(entry.event().id(), new Entry(entry.event(), holder, leaseUntil)));
        return due.stream().map(Entry::event).toList();
    }

    @Override
    public synchronized boolean markDelivered(EventId id, String holder, Instant deliveredAt, int attempts) {
        return finish(id, holder, event -> new OutboxEvent(event.id(), event.organizationId(), event.instanceId(),
                event.elementKey(), event.createdAt(), event.callbackUrl(), event.body(), event.signature(),
                DeliveryState.DELIVERED, attempts, null, deliveredAt, event.lastError()));
    }

    @Override
    public synchronized boolean markFailed(EventId id, String holder, int attempts, Instant nextAttemptAt, String error) {
        return finish(id, holder, event -> new OutboxEvent(event.id(), event.organizationId(), event.instanceId(),
                event.elementKey(), event.createdAt(), event.callbackUrl(), event.body(), event.signature(),
                nextAttemptAt == null ? DeliveryState.PARKED : DeliveryState.PENDING, attempts, nextAttemptAt, null,
                error));
    }

    private boolean finish(EventId id, String holder, UnaryOperator<OutboxEvent> change) {
        Entry entry = entries.get(id);
        if (entry == null || !holder.equals(entry.holder())) {
            return false;
        }
        entries.put(id, new Entry(change.apply(entry.event()), null, null));
        return true;
    }

    @Override
    public synchronized List<OutboxEvent> recent(OrganizationId organization, InstanceId instance, int limit) {
        List<OutboxEvent> newestAppendedFirst = new ArrayList<>(entries.values().stream().map(Entry::event).toList());
        Collections.reverse(newestAppendedFirst);
        // A stable sort: events accepted at the same time come newest appended first.
        return newestAppendedFirst.stream()
                .filter(event -> event.organizationId().equals(organization) && event.instanceId().equals(instance))
                .sorted(Comparator.comparing(OutboxEvent::createdAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<OutboxEvent> find(OrganizationId organization, InstanceId instance, EventId id) {
        return Optional.ofNullable(entries.get(id)).map(Entry::event)
                .filter(event -> event.organizationId().equals(organization) && event.instanceId().equals(instance));
    }

    @Override
    public synchronized boolean redeliver(OrganizationId organization, InstanceId instance, EventId id, Instant now) {
        Optional<OutboxEvent> parked = find(organization, instance, id)
                .filter(event -> event.state() == DeliveryState.PARKED);
        parked.ifPresent(event -> entries.put(id, new Entry(new OutboxEvent(event.id(), event.organizationId(),
                event.instanceId(), event.elementKey(), event.createdAt(), event.callbackUrl(), event.body(),
                event.signature(), DeliveryState.PENDING, 0, now, null, event.lastError()), null, null)));
        return parked.isPresent();
    }

    @Override
    public synchronized int deleteAll(InstanceId instance) {
        List<EventId> gone = entries.values().stream().map(Entry::event)
                .filter(event -> event.instanceId().equals(instance)).map(OutboxEvent::id).toList();
        gone.forEach(entries::remove);
        return gone.size();
    }
}
