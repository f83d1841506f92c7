package dev.elements.persistence;

import dev.elements.core.contract.IdempotencyRecordsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresIdempotencyRecordsTest extends IdempotencyRecordsContract {
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
    protected IdempotencyStores emptyStores() {
        TestDatabases.clear(store);
        return new IdempotencyStores(store.tenants(), store.idempotencyRecords());
    }
}
