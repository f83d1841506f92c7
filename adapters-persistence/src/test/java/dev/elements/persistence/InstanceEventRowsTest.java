package dev.elements.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.event.DeliveryState;
import dev.elements.core.event.EventId;
import dev.elements.core.event.OutboxEvent;
import dev.elements.core.instance.Instance;
import dev.elements.core.tenant.Principal;
import dev.elements.core.testing.Fixtures;
import dev.elements.testing.DatabaseKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** An instance's events and its polling go with it: nothing is delivered or polled for a deleted instance. */
@ParameterizedClass(name = "on {0}")
@EnumSource(DatabaseKind.class)
class InstanceEventRowsTest {
    private static final Instant NOW = Fixtures.NOW;

    @RegisterExtension
    static final DatabaseStores STORES = new DatabaseStores();

    @Parameter
    DatabaseKind database;

    @Test
    void deletingAnInstanceDeletesItsEventsAndItsPoll() {
        PersistenceStore store = STORES.emptied(database);
        Principal owner = Fixtures.organization(store.tenants(), "One");
        Instance deleted = instance(store, owner, "deleted");
        Instance kept = instance(store, owner, "kept");
        OutboxEvent deletedsEvent = event(deleted);
        OutboxEvent keptsEvent = event(kept);
        store.eventOutbox().append(List.of(deletedsEvent, keptsEvent));
        store.eventPolls().schedule(deleted.id(), NOW, NOW);
        store.eventPolls().schedule(kept.id(), NOW, NOW);

        assertThat(store.instances().delete(owner.organizationId(), deleted.id())).isTrue();

        assertThat(store.eventOutbox().find(owner.organizationId(), deleted.id(), deletedsEvent.id())).isEmpty();
        assertThat(store.eventOutbox().claimDue(NOW, "node", NOW.plusSeconds(60), 10)).containsExactly(keptsEvent);
        assertThat(store.eventPolls().claimDue(NOW, "node", NOW.plusSeconds(60), 10))
                .extracting(claim -> claim.instanceId()).containsExactly(kept.id());
    }

    private static Instance instance(PersistenceStore store, Principal owner, String name) {
        Instance instance = Fixtures.instance(store.instances().nextId(), owner.organizationId(), owner.user().id(),
                name, List.of());
        store.instances().insert(instance);
        return instance;
    }

    private static OutboxEvent event(Instance instance) {
        EventId id = EventId.random();
        return new OutboxEvent(id, instance.organizationId(), instance.id(), instance.elementKey(), NOW,
                "https://app.example/events", "{\"eventId\":\"" + id + "\"}", null, DeliveryState.PENDING, 0, NOW,
                null, null);
    }
}
