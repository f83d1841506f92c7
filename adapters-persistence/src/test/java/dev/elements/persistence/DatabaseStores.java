package dev.elements.persistence;

import dev.elements.testing.DatabaseKind;
import dev.elements.testing.TestDatabases;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The repository contracts' storage: one store per kind of database for a test class, opened on
 * first use, emptied for each case and closed after the class (before the test kit removes the
 * H2 files).
 */
final class DatabaseStores implements AfterAllCallback {
    private final TestDatabases databases = new TestDatabases();
    private final Map<DatabaseKind, PersistenceStore> open = new EnumMap<>(DatabaseKind.class);

    /** The store on that kind of database, with no rows but its keyset. */
    synchronized PersistenceStore emptied(DatabaseKind kind) {
        PersistenceStore store = open.computeIfAbsent(kind,
                k -> TestStores.open(databases.create(k), TestStores.newMasterKey()));
        TestStores.clear(store);
        return store;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws Exception {
        open.values().forEach(PersistenceStore::close);
        open.clear();
        databases.afterAll(context);
    }
}
