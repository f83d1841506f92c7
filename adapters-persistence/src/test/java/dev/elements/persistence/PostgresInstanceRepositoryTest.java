package dev.elements.persistence;

import dev.elements.core.contract.InstanceRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresInstanceRepositoryTest extends InstanceRepositoryContract {
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
    protected Stores emptyStores() {
        TestDatabases.clear(store);
        return new Stores(store.instances(), store.tenants());
    }
}
