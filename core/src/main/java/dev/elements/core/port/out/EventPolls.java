package dev.elements.core.port.out;

import dev.elements.core.event.PollClaim;
import dev.elements.core.instance.InstanceId;
import java.time.Instant;
import java.util.List;

/**
 * The polling schedule of instances whose events are polled, shared by every node: a poll is
 * claimed with a lease taken by a conditional update, so one node polls an instance at a time.
 */
public interface EventPolls {
    /**
     * Polls the instance from now on, first at {@code firstPollAt}, reporting what is newer than
     * {@code since}; an instance already scheduled keeps its cursor and gets the new time.
     */
    void schedule(InstanceId instance, Instant since, Instant firstPollAt);

    /** Stops polling the instance; nothing happens when it was not scheduled. */
    void unschedule(InstanceId instance);

    /** Claims up to {@code limit} polls due at {@code now} whose lease is free or expired. */
    List<PollClaim> claimDue(Instant now, String holder, Instant leaseUntil, int limit);

    /**
     * Ends a claimed poll, if {@code holder} still holds it: keeps {@code cursor} (null keeps the old
     * one) and schedules the next poll; frees the lease.
     */
    boolean complete(InstanceId instance, String holder, String cursor, Instant nextPollAt);
}
