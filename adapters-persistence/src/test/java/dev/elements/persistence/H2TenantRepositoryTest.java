package dev.elements.persistence;

import dev.elements.core.contract.TenantRepositoryContract;
import dev.elements.core.port.out.TenantRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class H2TenantRepositoryTest extends TenantRepositoryContract {
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
    protected TenantRepository emptyRepository() {
        TestDatabases.clear(store);
        return store.tenants();
    }
}
