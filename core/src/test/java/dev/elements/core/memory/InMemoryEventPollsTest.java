package dev.elements.core.memory;

import dev.elements.core.contract.EventPollsContract;

class InMemoryEventPollsTest extends EventPollsContract {
    @Override
    protected PollStores emptyStores() {
        return new PollStores(new InMemoryInstanceRepository(), new InMemoryTenantRepository(),
                new InMemoryEventPolls());
    }
}
