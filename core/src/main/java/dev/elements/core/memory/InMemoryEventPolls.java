package dev.elements.core.memory;

import static java.util.Objects.requireNonNull;

import dev.elements.core.event.PollClaim;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.out.EventPolls;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The polling schedule in memory, for embedding in one process and for tests. */
public final class InMemoryEventPolls implements EventPolls {
    private record Poll(InstanceId instance, Instant since, String cursor, Instant nextPollAt, String holder,
            Instant leaseUntil) {
    }

    private final Map<InstanceId, Poll> polls = new HashMap<>();

    @Override
    public synchronized void schedule(InstanceId instance, Instant since, Instant firstPollAt) {
        requireNonNull(instance, "instance");
        Poll old = polls.get(instance);
        polls.put(instance, old == null
                ? new Poll(instance, since, null, firstPollAt, null, null)
                : new Poll(instance, old.since(), old.cursor(), firstPollAt, old.holder(), old.leaseUntil()));
    }

    @Override
    public synchronized void unschedule(InstanceId instance) {
        polls.remove(instance);
    }

    @Override
    public synchronized List<PollClaim> claimDue(Instant now, String holder, Instant leaseUntil, int limit) {
        List<Poll> due = polls.values().stream()
                .filter(poll -> !poll.nextPollAt().isAfter(now))
                .filter(poll -> poll.leaseUntil() == null || !poll.leaseUntil().isAfter(now))
                .sorted(Comparator.comparing(Poll::nextPollAt).thenComparing(poll -> poll.instance().value()))
                .limit(limit)
                .toList();
        due.forEach(poll -> polls.put(poll.instance(), new Poll(poll.instance(), poll.since(), poll.cursor(),
                poll.nextPollAt(), holder, leaseUntil)));
        return due.stream().map(poll -> new PollClaim(poll.instance(), poll.cursor(), poll.since())).toList();
    }

    @Override
    public synchronized boolean complete(InstanceId instance, String holder, String cursor, Instant nextPollAt) {
        Poll poll = polls.get(instance);
        if (poll == null || !holder.equals(poll.holder())) {
            return false;
        }
        polls.put(instance, new Poll(instance, poll.since(), cursor == null ? poll.cursor() : cursor, nextPollAt,
                null, null));
        return true;
    }
}
