package dev.elements.core.memory;

import dev.elements.core.contract.TenantRepositoryContract;
import dev.elements.core.port.out.TenantRepository;

class InMemoryTenantRepositoryTest extends TenantRepositoryContract {
    @Override
    protected TenantRepository emptyRepository() {
        return new InMemoryTenantRepository();
    }
}
