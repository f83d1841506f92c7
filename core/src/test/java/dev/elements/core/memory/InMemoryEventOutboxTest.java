package dev.elements.core.memory;

import dev.elements.core.contract.EventOutboxContract;

class InMemoryEventOutboxTest extends EventOutboxContract {
    @Override
    protected OutboxStores emptyStores() {
        return new OutboxStores(new InMemoryInstanceRepository(), new InMemoryTenantRepository(),
                new InMemoryEventOutbox());
    }
}
