package dev.elements.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresProviderUsageLedgerTest extends JdbiProviderUsageLedgerTest {
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
    protected PersistenceStore store() {
        return store;
    }
}
