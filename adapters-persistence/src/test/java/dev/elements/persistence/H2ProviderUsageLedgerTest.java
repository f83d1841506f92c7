package dev.elements.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class H2ProviderUsageLedgerTest extends JdbiProviderUsageLedgerTest {
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
    protected PersistenceStore store() {
        return store;
    }
}
