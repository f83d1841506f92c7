package dev.elements.persistence;

import dev.elements.testing.TestDatabase;
import dev.elements.testing.TestDatabases;
import java.nio.file.Path;
import java.security.SecureRandom;

/** Stores for tests, on the databases the test kit hands out. */
final class TestStores {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestStores() {
    }

    static byte[] newMasterKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /** A database of its own, created empty on the kit's shared PostgreSQL server. */
    static String freshPostgresUrl() {
        return TestDatabases.freshPostgres().postgresUrl();
    }

    static PersistenceStore open(TestDatabase database, byte[] masterKey) {
        return switch (database.kind()) {
            case H2 -> openH2(database.h2Directory(), masterKey);
            case POSTGRESQL -> PersistenceStore.open(database.postgresUrl(), database.user(), database.password(),
                    masterKey);
        };
    }

    static PersistenceStore openPostgres(byte[] masterKey) {
        return open(TestDatabases.freshPostgres(), masterKey);
    }

    static PersistenceStore openH2(Path dataDirectory, byte[] masterKey) {
        return PersistenceStore.open(PersistenceStore.h2FileUrl(dataDirectory), "", "", masterKey);
    }

    /**
     * Empties a store between tests; the keyset stays, as it would in any real database. The rows
     * go behind the store's back, so its token cache forgets them here.
     */
    static void clear(PersistenceStore store) {
        store.jdbi().useTransaction(handle -> {
            handle.execute("DELETE FROM event_outbox");
            handle.execute("DELETE FROM event_polls");
            handle.execute("DELETE FROM data_deletions");
            handle.execute("DELETE FROM instance_configuration");
            handle.execute("DELETE FROM instance_tags");
            handle.execute("DELETE FROM instances");
            handle.execute("DELETE FROM idempotency_records");
            handle.execute("DELETE FROM bootstrap");
            handle.execute("DELETE FROM provider_usage");
            handle.execute("DELETE FROM pending_authorizations");
            handle.execute("DELETE FROM connect_sessions");
            handle.execute("DELETE FROM users");
            handle.execute("DELETE FROM organizations");
        });
        store.instanceTokens().invalidateAll();
    }
}
