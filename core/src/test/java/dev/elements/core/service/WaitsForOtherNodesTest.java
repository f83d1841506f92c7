package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.Elements;
import dev.elements.core.memory.InMemoryIdempotencyRecords;
import dev.elements.core.memory.InMemoryInstanceRepository;
import dev.elements.core.memory.InMemoryRefreshLeases;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.port.out.Sleeper;
import dev.elements.core.tenant.Principal;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.Platform;
import dev.elements.core.testing.ScriptedElementProvider;
import dev.elements.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * While another node holds a renewal lease or an idempotency key, a caller waits through the
 * {@link Sleeper} port, never the thread's own sleep: here the "other node" lets go during the
 * first pause, so nothing waits for real.
 */
class WaitsForOtherNodesTest {
    private final TestClock clock = new TestClock(Fixtures.NOW);
    private final ScriptedElementProvider provider = new ScriptedElementProvider();
    private final InMemoryInstanceRepository instances = new InMemoryInstanceRepository();
    private final InMemoryRefreshLeases leases = new InMemoryRefreshLeases();
    private final InMemoryIdempotencyRecords idempotency = new InMemoryIdempotencyRecords();
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private Runnable otherNodeLetsGo = () -> { };
    private final Elements elements = Elements.builder().clock(clock).inMemory()
            .instances(instances).leases(leases).idempotency(idempotency).provider(provider)
            .sleeper(duration -> {
                pauses.add(duration);
                otherNodeLetsGo.run();
            })
            .build();
    private final Principal principal = elements.bootstrap().createFirstIfEmpty(null, null).orElseThrow().principal();

    @Test
    void aDueRenewalWaitsThroughTheSleeperForTheNodeHoldingTheLease() {
        InstanceDescription created = elements.provisioning().provision(command("renewing", null));
        clock.advance(Duration.ofHours(1));
        leases.tryAcquire(created.id(), "other-node", clock.instant(), clock.instant().plusSeconds(60));
        otherNodeLetsGo = () -> leases.release(created.id(), "other-node");

        elements.renewals().renewNow(instances.findById(created.id()).orElseThrow());

        assertThat(pauses).containsExactly(Duration.ofMillis(50));
        assertThat(provider.renewals()).isEqualTo(1);
    }

    @Test
    void aRepeatedRequestWaitsThroughTheSleeperForTheRequestHoldingTheKey() {
        ProvisionInstanceCommand command = command("idempotent", "key-1");
        idempotency.claim(principal.organizationId(), "key-1", IdempotentRequests.fingerprint(command),
                clock.instant());
        otherNodeLetsGo = () -> idempotency.release(principal.organizationId(), "key-1");

        elements.provisioning().provision(command);

        assertThat(pauses).containsExactly(Duration.ofMillis(100));
    }

    private ProvisionInstanceCommand command(String name, String idempotencyKey) {
        String code = "code-" + name;
        provider.accept(code, "provider-user-" + name);
        return new ProvisionInstanceCommand(principal, "scripted", code, Platform.configuration(), List.of(), name,
                idempotencyKey);
    }
}
