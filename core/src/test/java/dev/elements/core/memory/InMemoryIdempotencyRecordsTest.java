package dev.elements.core.memory;

import dev.elements.core.contract.IdempotencyRecordsContract;

class InMemoryIdempotencyRecordsTest extends IdempotencyRecordsContract {
    @Override
    protected IdempotencyStores emptyStores() {
        return new IdempotencyStores(new InMemoryTenantRepository(), new InMemoryIdempotencyRecords());
    }
}
