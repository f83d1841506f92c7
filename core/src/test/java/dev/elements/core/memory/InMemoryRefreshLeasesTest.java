package dev.elements.core.memory;

import dev.elements.core.contract.RefreshLeasesContract;

class InMemoryRefreshLeasesTest extends RefreshLeasesContract {
    @Override
    protected LeaseStores emptyStores() {
        return new LeaseStores(new InMemoryInstanceRepository(), new InMemoryTenantRepository(),
                new InMemoryRefreshLeases());
    }
}
