package dev.elements.core.memory;

import dev.elements.core.contract.InstanceRepositoryContract;

class InMemoryInstanceRepositoryTest extends InstanceRepositoryContract {
    @Override
    protected Stores emptyStores() {
        return new Stores(new InMemoryInstanceRepository(), new InMemoryTenantRepository());
    }
}
