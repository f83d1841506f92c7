package dev.elements.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.instance.Instance;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.port.out.RefreshLeases;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.tenant.Principal;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.SimultaneousCalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RefreshLeases} must do; storages extend this class. */
public abstract class RefreshLeasesContract {
    private static final Instant NOW = Fixtures.NOW;

    private RefreshLeases leases;
    private InstanceRepository instances;
    private Instance instance;

    /** Empty stores sharing one storage; leases are taken on instances of {@code instances}. */
    protected abstract LeaseStores emptyStores();

    public record LeaseStores(InstanceRepository instances, TenantRepository tenants, RefreshLeases leases) {
    }

    @BeforeEach
    void anInstance() {
        LeaseStores stores = emptyStores();
        leases = stores.leases();
        instances = stores.instances();
        Principal owner = Fixtures.organization(stores.tenants(), "One");
        instance = Fixtures.instance(stores.instances().nextId(), owner.organizationId(), owner.user().id(), "leased",
                List.of());
        stores.instances().insert(instance);
    }

    @Test
    void oneHolderAtATimeUntilReleased() {
        assertThat(leases.tryAcquire(instance.id(), "node-a", NOW, NOW.plusSeconds(60))).isTrue();
        assertThat(leases.tryAcquire(instance.id(), "node-b", NOW.plusSeconds(1), NOW.plusSeconds(61))).isFalse();

        leases.release(instance.id(), "node-b");
        assertThat(leases.tryAcquire(instance.id(), "node-b", NOW.plusSeconds(2), NOW.plusSeconds(62))).isFalse();

        leases.release(instance.id(), "node-a");
        assertThat(leases.tryAcquire(instance.id(), "node-b", NOW.plusSeconds(3), NOW.plusSeconds(63))).isTrue();
    }

    @Test
    void aLeaseLeavesTheInstanceAsItIsAndSurvivesItsUpdates() {
        assertThat(leases.tryAcquire(instance.id(), "node-a", NOW, NOW.plusSeconds(60))).isTrue();

        assertThat(instances.findById(instance.id())).contains(instance);
        Instance renamed = instance.change().name("renamed while leased").at(NOW.plusSeconds(1));
        assertThat(instances.update(renamed)).isTrue();
        assertThat(leases.tryAcquire(instance.id(), "node-b", NOW.plusSeconds(2), NOW.plusSeconds(62))).isFalse();
        leases.release(instance.id(), "node-a");
        assertThat(instances.findById(instance.id())).contains(renamed);
    }

    @Test
    void anExpiredLeaseCanBeTakenOver() {
        assertThat(leases.tryAcquire(instance.id(), "crashed-node", NOW, NOW.plusSeconds(30))).isTrue();

        assertThat(leases.tryAcquire(instance.id(), "node-b", NOW.plusSeconds(31), NOW.plusSeconds(90))).isTrue();
        leases.release(instance.id(), "crashed-node");
        assertThat(leases.tryAcquire(instance.id(), "node-c", NOW.plusSeconds(32), NOW.plusSeconds(90))).isFalse();
    }

    @Test
    void exactlyOneOfManyConcurrentCallersWins() throws Exception {
        List<Callable<Boolean>> callers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String holder = "caller-" + i;
            callers.add(() -> leases.tryAcquire(instance.id(), holder, NOW, NOW.plusSeconds(60)));
        }
        long winners = SimultaneousCalls.race(callers).stream().filter(won -> won).count();
        assertThat(winners).isEqualTo(1);
    }
}
