package dev.elements.core.port.out;

import dev.elements.core.event.EventId;
import dev.elements.core.event.OutboxEvent;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.tenant.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transactional outbox of notifications to applications. An event is stored before the
 * provider hears 200; afterwards nodes claim due deliveries with a lease taken by a conditional
 * update, so that however many nodes run, one attempt of an event is under way at a time, and a
 * node that dies mid-attempt blocks it only until the lease runs out.
 */
public interface EventOutbox {
    /** Stores all of {@code events} in one transaction, or (on failure) none of them. */
    void append(List<OutboxEvent> events);

    /**
     * Claims up to {@code limit} {@code PENDING} events due at {@code now} (earliest due first) whose
     * lease is free or expired, for {@code holder} until {@code leaseUntil}.
     */
    List<OutboxEvent> claimDue(Instant now, String holder, Instant leaseUntil, int limit);

    /** Marks a claimed event delivered, if {@code holder} still holds it; frees the lease. */
    boolean markDelivered(EventId id, String holder, Instant deliveredAt, int attempts);

    /**
     * Records a failed attempt of a claimed event, if {@code holder} still holds it; frees the lease.
     *
     * @param nextAttemptAt when to try again, or null to park it
     * @param error what the attempt met, free of secrets
     */
    boolean markFailed(EventId id, String holder, int attempts, Instant nextAttemptAt, String error);

    /** The instance's newest events first, at most {@code limit}. */
    List<OutboxEvent> recent(OrganizationId organization, InstanceId instance, int limit);

    Optional<OutboxEvent> find(OrganizationId organization, InstanceId instance, EventId id);

    /**
     * Puts a {@code PARKED} event back to {@code PENDING}, due at {@code now}, with its attempts
     * counted from zero again.
     *
     * @return false when it is not parked (pending, delivered, without a callback) or unknown
     */
    boolean redeliver(OrganizationId organization, InstanceId instance, EventId id, Instant now);

    /** Deletes every event of the instance (a provider user's data deletion); returns how many. */
    int deleteAll(InstanceId instance);
}
