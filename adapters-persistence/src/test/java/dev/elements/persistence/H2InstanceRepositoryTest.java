package dev.elements.persistence;

import dev.elements.core.contract.InstanceRepositoryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class H2InstanceRepositoryTest extends InstanceRepositoryContract {
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
    protected Stores emptyStores() {
        TestDatabases.clear(store);
        return new Stores(store.instances(), store.tenants());
    }
}
