package dev.elements.persistence;

import dev.elements.core.contract.IdempotencyRecordsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class H2IdempotencyRecordsTest extends IdempotencyRecordsContract {
    @TempDir
    static Path dataDirectory;

    private static PersistenceStore store;

    @BeforeAll
    static void open() {
        store = TestDatabases.openH2(dataDirectory, TestDatabases.newMasterKey());
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
