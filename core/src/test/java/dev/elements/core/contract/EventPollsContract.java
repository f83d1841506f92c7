package dev.elements.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.event.PollClaim;
import dev.elements.core.instance.Instance;
import dev.elements.core.port.out.EventPolls;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.tenant.Principal;
import dev.elements.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link EventPolls} must do; storages extend this class. */
public abstract class EventPollsContract {
    private static final Instant NOW = Fixtures.NOW;
    private static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private EventPolls polls;
    private Instance first;
    private Instance second;
    private Instance third;

    /** Empty stores sharing one storage; polls are scheduled for instances of {@code instances}. */
    protected abstract PollStores emptyStores();

    public record PollStores(InstanceRepository instances, TenantRepository tenants, EventPolls polls) {
    }

    @BeforeEach
    void instances() {
        PollStores stores = emptyStores();
        polls = stores.polls();
        Principal one = Fixtures.organization(stores.tenants(), "One");
        Principal two = Fixtures.organization(stores.tenants(), "Two");
        first = instance(stores.instances(), one, "first");
        second = instance(stores.instances(), two, "second");
        third = instance(stores.instances(), one, "third");
    }

    private static Instance instance(InstanceRepository instances, Principal owner, String name) {
        Instance instance = Fixtures.instance(instances.nextId(), owner.organizationId(), owner.user().id(), name,
                List.of());
        instances.insert(instance);
        return instance;
    }

    private static Instant later(Duration after) {
        return NOW.plus(after);
    }

    @Test
    void aScheduledPollIsClaimedWhenDue() {
        polls.schedule(first.id(), NOW, later(INTERVAL));

        assertThat(polls.claimDue(later(INTERVAL).minusMillis(1), "node-a", later(INTERVAL).plus(LEASE), 10))
                .isEmpty();
        assertThat(polls.claimDue(later(INTERVAL), "node-a", later(INTERVAL).plus(LEASE), 10))
                .containsExactly(new PollClaim(first.id(), null, NOW));
    }

    @Test
    void claimsTheEarliestDueFirstUpToTheLimit() {
        polls.schedule(first.id(), NOW, later(Duration.ofMinutes(3)));
        polls.schedule(second.id(), NOW, later(Duration.ofMinutes(1)));
        polls.schedule(third.id(), NOW, later(Duration.ofMinutes(2)));
        Instant at = later(Duration.ofMinutes(5));

        assertThat(polls.claimDue(at, "node-a", at.plus(LEASE), 2)).extracting(PollClaim::instanceId)
                .containsExactly(second.id(), third.id());
        assertThat(polls.claimDue(at, "node-b", at.plus(LEASE), 10)).extracting(PollClaim::instanceId)
                .containsExactly(first.id());
        assertThat(polls.claimDue(at, "node-c", at.plus(LEASE), 10)).isEmpty();
    }

    @Test
    void aHeldPollIsNotClaimedAgainUntilItsLeaseExpires() {
        polls.schedule(first.id(), NOW, NOW);

        assertThat(polls.claimDue(NOW, "crashed-node", NOW.plus(LEASE), 10)).hasSize(1);
        assertThat(polls.claimDue(NOW.plus(LEASE).minusMillis(1), "node-b", NOW.plus(LEASE).plus(LEASE), 10))
                .isEmpty();
        assertThat(polls.claimDue(NOW.plus(LEASE), "node-b", NOW.plus(LEASE).plus(LEASE), 10)).hasSize(1);

        assertThat(polls.complete(first.id(), "crashed-node", "cursor-1", later(INTERVAL))).isFalse();
        assertThat(polls.complete(first.id(), "node-b", "cursor-1", later(INTERVAL))).isTrue();
    }

    @Test
    void onlyTheHolderCompletesAPollWhichKeepsItsCursorAndNextTime() {
        polls.schedule(first.id(), NOW, NOW);
        assertThat(polls.complete(first.id(), "node-a", "cursor-0", later(INTERVAL))).as("not claimed yet").isFalse();
        polls.claimDue(NOW, "node-a", NOW.plus(LEASE), 10);

        assertThat(polls.complete(first.id(), "node-b", "cursor-x", later(INTERVAL))).isFalse();
        assertThat(polls.complete(first.id(), "node-a", "cursor-1", later(INTERVAL))).isTrue();
        assertThat(polls.complete(first.id(), "node-a", "cursor-2", later(INTERVAL))).as("the lease was freed")
                .isFalse();

        assertThat(polls.claimDue(later(INTERVAL).minusMillis(1), "node-b", later(INTERVAL).plus(LEASE), 10))
                .isEmpty();
        assertThat(polls.claimDue(later(INTERVAL), "node-b", later(INTERVAL).plus(LEASE), 10))
                .containsExactly(new PollClaim(first.id(), "cursor-1", NOW));
    }

    @Test
    void aPollThatFoundNothingKeepsTheCursorItHad() {
        polls.schedule(first.id(), NOW, NOW);
        polls.claimDue(NOW, "node-a", NOW.plus(LEASE), 10);
        polls.complete(first.id(), "node-a", "cursor-1", later(INTERVAL));
        polls.claimDue(later(INTERVAL), "node-a", later(INTERVAL).plus(LEASE), 10);

        assertThat(polls.complete(first.id(), "node-a", null, later(INTERVAL.multipliedBy(2)))).isTrue();

        Instant due = later(INTERVAL.multipliedBy(2));
        assertThat(polls.claimDue(due, "node-a", due.plus(LEASE), 10))
                .containsExactly(new PollClaim(first.id(), "cursor-1", NOW));
    }

    @Test
    void reschedulingKeepsTheCursorAndWhenPollingStarted() {
        polls.schedule(first.id(), NOW, NOW);
        polls.claimDue(NOW, "node-a", NOW.plus(LEASE), 10);
        polls.complete(first.id(), "node-a", "cursor-1", later(INTERVAL));

        Instant rescheduled = later(Duration.ofHours(1));
        polls.schedule(first.id(), rescheduled, rescheduled.plus(INTERVAL));

        assertThat(polls.claimDue(later(INTERVAL), "node-a", later(INTERVAL).plus(LEASE), 10)).as("the new time counts")
                .isEmpty();
        Instant due = rescheduled.plus(INTERVAL);
        assertThat(polls.claimDue(due, "node-a", due.plus(LEASE), 10))
                .containsExactly(new PollClaim(first.id(), "cursor-1", NOW));
    }

    @Test
    void anUnscheduledInstanceIsNoLongerPolled() {
        polls.schedule(first.id(), NOW, NOW);
        polls.schedule(second.id(), NOW, NOW);
        polls.claimDue(NOW, "node-a", NOW.plus(LEASE), 1);

        polls.unschedule(first.id());
        polls.unschedule(third.id());

        assertThat(polls.complete(first.id(), "node-a", "cursor-1", later(INTERVAL))).isFalse();
        Instant much = later(Duration.ofDays(1));
        assertThat(polls.claimDue(much, "node-b", much.plus(LEASE), 10)).extracting(PollClaim::instanceId)
                .containsExactly(second.id());
    }
}
