package dev.elements.persistence;

import dev.elements.core.contract.RefreshLeasesContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresRefreshLeasesTest extends RefreshLeasesContract {
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
    protected LeaseStores emptyStores() {
        TestDatabases.clear(store);
        return new LeaseStores(store.instances(), store.tenants(), store.refreshLeases());
    }
}
