package dev.elements.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.contract.EventOutboxContract;
import dev.elements.core.event.DeliveryState;
import dev.elements.core.event.EventId;
import dev.elements.core.event.OutboxEvent;
import dev.elements.core.event.PollClaim;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.out.IdempotencyRecords.IdempotencyRecord;
import dev.elements.core.tenant.NewUser;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.SimultaneousCalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two stores on one PostgreSQL database are two nodes: each has its own pool and cipher, and only
 * the database is shared. What must happen once happens once across them.
 */
class SharedDatabaseTest {
    private static final Instant NOW = Fixtures.NOW;
    private static final int CALLERS_PER_NODE = 8;

    private static TwoNodes nodes;
    private static PersistenceStore nodeA;
    private static PersistenceStore nodeB;

    @BeforeAll
    static void open() {
        nodes = TwoNodes.onFreshPostgres();
        nodeA = nodes.a();
        nodeB = nodes.b();
    }

    @AfterAll
    static void close() {
        nodes.close();
    }

    @BeforeEach
    void empty() {
        TestStores.clear(nodeA);
    }

    @Test
    void oneLeaseHolderAcrossNodes() throws Exception {
        Instance instance = anInstance();

        List<Boolean> taken = race(node -> () -> node.refreshLeases()
                .tryAcquire(instance.id(), "caller-" + UUID.randomUUID(), NOW, NOW.plusSeconds(60)));

        assertThat(taken).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(nodeB.refreshLeases().tryAcquire(instance.id(), "late", NOW.plusSeconds(61), NOW.plusSeconds(120)))
                .as("an expired lease is taken over by another node").isTrue();
    }

    @Test
    void oneIdempotencyClaimAcrossNodes() throws Exception {
        Principal owner = anOrganization();

        List<Optional<IdempotencyRecord>> claims = race(node -> () -> node.idempotencyRecords()
                .claim(owner.organizationId(), "retried-request", "fingerprint", NOW));

        assertThat(claims).filteredOn(Optional::isEmpty).hasSize(1);
        assertThat(claims).filteredOn(Optional::isPresent)
                .allSatisfy(claim -> assertThat(claim.orElseThrow().fingerprint()).isEqualTo("fingerprint"));
    }

    @Test
    void oneFirstOrganizationWhenNodesStartTogetherWithTheSameBootstrapSecrets() throws Exception {
        // Every node is configured alike, so all of them try the very same secrets.
        SecretDigest organizationSecret = SecretDigest.of(Fixtures.secret());
        NewUser administrator = new NewUser("admin@first.example", "First", "Admin", Role.ORG_ADMIN,
                SecretDigest.of(Fixtures.secret()));

        List<Optional<Principal>> created = race(node -> () -> node.tenants()
                .createFirstOrganization("First", organizationSecret, administrator));

        assertThat(created).filteredOn(Optional::isPresent).hasSize(1);
        long organizations = nodeA.jdbi().withHandle(handle ->
                handle.createQuery("SELECT COUNT(*) FROM organizations").mapTo(Long.class).one());
        assertThat(organizations).isEqualTo(1);
    }

    @Test
    void aLeaseLeavesTheInstanceAloneAndAnUpdateLeavesTheLeaseAlone() {
        Instance instance = anInstance();

        assertThat(nodeA.refreshLeases().tryAcquire(instance.id(), "renewer", NOW, NOW.plusSeconds(60))).isTrue();
        assertThat(nodeB.instances().findById(instance.id())).contains(instance);

        Instance renewed = instance.change().name("renewed").at(NOW.plusSeconds(1));
        assertThat(nodeB.instances().update(renewed)).as("the lease did not move the version").isTrue();
        assertThat(nodeB.refreshLeases().tryAcquire(instance.id(), "other", NOW.plusSeconds(2), NOW.plusSeconds(60)))
                .as("the update did not end the lease").isFalse();

        nodeA.refreshLeases().release(instance.id(), "renewer");
        assertThat(nodeB.instances().findById(instance.id())).contains(renewed);
        assertThat(nodeB.refreshLeases().tryAcquire(instance.id(), "other", NOW.plusSeconds(3), NOW.plusSeconds(60)))
                .isTrue();
    }

    @Test
    void nodesClaimingTheSameDueEventsGetDisjointSetsThatCoverThemAll() throws Exception {
        Instance instance = anInstance();
        List<EventId> due = new ArrayList<>();
        List<OutboxEvent> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            EventId id = EventId.random();
            due.add(id);
            events.add(new OutboxEvent(id, instance.organizationId(), instance.id(), instance.elementKey(), NOW,
                    "https://app.example/events", "{\"eventId\":\"" + id + "\"}", null, DeliveryState.PENDING, 0,
                    NOW.minusMillis(i % 7), null, null));
        }
        nodeA.eventOutbox().append(events);

        List<List<EventId>> claimed = new ArrayList<>(race(node -> {
            String holder = "caller-" + UUID.randomUUID();
            return () -> EventOutboxContract.claimUntilNoneLeft(node.eventOutbox(), holder);
        }));
        // A claim that lost every row it picked to another node comes back empty early: whatever
        // the race left is claimed afterwards, and still by no one before.
        claimed.add(EventOutboxContract.claimUntilNoneLeft(nodeB.eventOutbox(), "late"));

        assertThat(claimed.stream().mapToInt(List::size).sum()).as("no event claimed twice").isEqualTo(200);
        assertThat(claimed.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(due);
    }

    @Test
    void onePollerPerInstanceAcrossNodes() throws Exception {
        List<InstanceId> scheduled = new ArrayList<>();
        Principal owner = anOrganization();
        for (int i = 0; i < 20; i++) {
            Instance instance = Fixtures.instance(nodeA.instances().nextId(), owner.organizationId(),
                    owner.user().id(), "polled-" + i, List.of());
            nodeA.instances().insert(instance);
            nodeA.eventPolls().schedule(instance.id(), NOW, NOW);
            scheduled.add(instance.id());
        }

        List<List<PollClaim>> claimed = race(node -> {
            String holder = "caller-" + UUID.randomUUID();
            return () -> node.eventPolls().claimDue(NOW, holder, NOW.plusSeconds(120), 3);
        });

        List<List<PollClaim>> all = new ArrayList<>(claimed);
        all.add(nodeB.eventPolls().claimDue(NOW, "late", NOW.plusSeconds(120), 100));

        List<InstanceId> polled = all.stream().flatMap(List::stream).map(PollClaim::instanceId).toList();
        assertThat(polled).as("no instance claimed twice").doesNotHaveDuplicates();
        assertThat(polled).containsExactlyInAnyOrderElementsOf(scheduled);
    }

    private static Principal anOrganization() {
        return nodeA.tenants().createOrganization("Shared", SecretDigest.of(Fixtures.secret()),
                Fixtures.newUser("admin@shared.example", Role.ORG_ADMIN));
    }

    private static Instance anInstance() {
        Principal owner = anOrganization();
        Instance instance = Fixtures.instance(nodeA.instances().nextId(), owner.organizationId(), owner.user().id(),
                "shared", List.of("tag"));
        nodeA.instances().insert(instance);
        return instance;
    }

    private interface Attempt<T> {
        Callable<T> on(PersistenceStore node);
    }

    /** The same attempt from several threads on each node, released at once. */
    private static <T> List<T> race(Attempt<T> attempt) throws Exception {
        List<Callable<T>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS_PER_NODE; i++) {
            for (PersistenceStore node : List.of(nodeA, nodeB)) {
                calls.add(attempt.on(node));
            }
        }
        return SimultaneousCalls.race(calls);
    }
}
