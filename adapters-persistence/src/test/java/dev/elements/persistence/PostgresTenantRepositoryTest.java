package dev.elements.persistence;

import dev.elements.core.contract.TenantRepositoryContract;
import dev.elements.core.port.out.TenantRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresTenantRepositoryTest extends TenantRepositoryContract {
    private static PersistenceStore store;

    @BeforeAll
    static void open() {
        store = TestDatabases.openPostgres(TestDatabases.newMasterKey());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    protected TenantRepository emptyRepository() {
        TestDatabases.clear(store);
        return store.tenants();
    }
}
