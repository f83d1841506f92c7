package dev.elements.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.instance.Instance;
import dev.elements.core.tenant.Principal;
import dev.elements.core.testing.Fixtures;
import dev.elements.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two stores on one PostgreSQL database are two nodes, each with its own token cache: what one
 * node writes, the other's lookups reflect as soon as the notification arrives, also after the
 * connection that listens for notifications was lost.
 */
class CachedTokenLookupAcrossNodesTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

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
        nodeB.instanceTokens().invalidateAll();
        awaitListening(nodeA);
        awaitListening(nodeB);
    }

    @Test
    void aDisableOnOneNodeIsSeenByTheOthersCachedLookup() {
        Instance instance = cachedOnNodeA();

        Instance disabled = instance.change().disabled(true).at(Fixtures.NOW);
        assertThat(nodeB.instances().update(disabled)).isTrue();

        Await.until("node A sees the instance disabled", DEADLINE,
                () -> nodeA.instances().findByTokenDigest(instance.tokenDigest()).equals(Optional.of(disabled)));
    }

    @Test
    void aDeleteOnOneNodeIsSeenByTheOthersCachedLookup() {
        Instance instance = cachedOnNodeA();

        assertThat(nodeB.instances().delete(instance.organizationId(), instance.id())).isTrue();

        Await.until("node A finds the instance gone", DEADLINE,
                () -> nodeA.instances().findByTokenDigest(instance.tokenDigest()).isEmpty());
    }

    @Test
    void lookupsStayRightWhileTheListeningConnectionIsLostAndAfterItIsBack() {
        Instance instance = cachedOnNodeA();
        int lostPid = nodeA.instanceChanges().backendPid().orElseThrow();

        terminate(lostPid);
        assertThat(nodeB.instances().delete(instance.organizationId(), instance.id())).isTrue();

        Await.until("node A finds the instance gone", DEADLINE,
                () -> nodeA.instances().findByTokenDigest(instance.tokenDigest()).isEmpty());
        Await.until("node A listens again on a new connection", DEADLINE, () -> nodeA.instanceTokens().enabled()
                && nodeA.instanceChanges().backendPid().filter(pid -> pid != lostPid).isPresent());

        Instance again = cachedOnNodeA();
        Instance renamed = again.change().name("renamed").at(Fixtures.NOW);
        assertThat(nodeB.instances().update(renamed)).isTrue();
        Await.until("node A sees the rename", DEADLINE,
                () -> nodeA.instances().findByTokenDigest(again.tokenDigest()).equals(Optional.of(renamed)));
    }

    /** An instance written by node B and looked up through node A's cache, which now holds it. */
    private static Instance cachedOnNodeA() {
        Principal owner = Fixtures.organization(nodeB.tenants(), "Nodes" + System.nanoTime());
        Instance instance = Fixtures.instance(nodeB.instances().nextId(), owner.organizationId(), owner.user().id(),
                "shared", List.of());
        nodeB.instances().insert(instance);
        // A notification of an earlier write may still be on its way and clear the cache: look again until kept.
        Await.until("node A keeps the instance", DEADLINE, () -> {
            assertThat(nodeA.instances().findByTokenDigest(instance.tokenDigest())).contains(instance);
            return nodeA.instanceTokens().size() == 1;
        });
        return instance;
    }

    private static void awaitListening(PersistenceStore node) {
        Await.until("the node listens for instance changes", DEADLINE, node.instanceTokens()::enabled);
    }

    private static void terminate(int pid) {
        String name = nodeB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT application_name FROM pg_stat_activity WHERE pid = :pid")
                .bind("pid", pid).mapTo(String.class).one());
        assertThat(name).isEqualTo(InstanceChangeListener.APPLICATION_NAME);
        boolean ended = nodeB.jdbi().withHandle(handle -> handle.createQuery("SELECT pg_terminate_backend(:pid)")
                .bind("pid", pid).mapTo(Boolean.class).one());
        assertThat(ended).as("the listening session ended").isTrue();
    }
}
