package dev.elements.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.testing.TestDatabase;
import dev.elements.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that cannot store writes is refused at start, and a write it fails later answers
 * "storage unavailable" (503) instead of a 500, and marks the database DOWN until a write succeeds.
 */
class StorageFailuresTest {
    @TempDir
    Path dataDirectory;

    @Test
    void aReadOnlyH2DatabaseIsRefusedAtStartInsteadOfFailingEveryWriteLater() {
        TestStores.openH2(dataDirectory, TestStores.newMasterKey()).close();
        String readOnly = PersistenceStore.h2FileUrl(dataDirectory) + ";ACCESS_MODE_DATA=r";

        assertThatThrownBy(() -> PersistenceStore.open(readOnly, "", "", TestStores.newMasterKey()).close())
                .isInstanceOf(PersistenceStartupException.class)
                .hasMessageContaining("does not store writes");
    }

    @Test
    void aReadOnlyPostgreSqlDatabaseIsRefusedAtStart() throws SQLException {
        TestDatabase database = TestDatabases.freshPostgres();
        TestStores.open(database, TestStores.newMasterKey()).close();
        execute(database, "ALTER DATABASE " + databaseName(database) + " SET default_transaction_read_only = on");

        assertThatThrownBy(() -> TestStores.open(database, TestStores.newMasterKey()).close())
                .isInstanceOf(PersistenceStartupException.class)
                .hasMessageContaining("does not store writes")
                .hasMessageContaining(databaseName(database));
    }

    @Test
    void postgreSqlSessionsCommitSynchronouslyEvenWhereTheDatabaseSaysOtherwise() throws SQLException {
        TestDatabase database = TestDatabases.freshPostgres();
        execute(database, "ALTER DATABASE " + databaseName(database) + " SET synchronous_commit = off");
        byte[] key = TestStores.newMasterKey();

        try (PersistenceStore store = TestStores.open(database, key)) {
            for (int i = 0; i < 3; i++) {
                String setting = store.jdbi().withHandle(handle -> handle.createQuery("SHOW synchronous_commit")
                        .mapTo(String.class).one());
                assertThat(setting).isEqualTo("on");
            }
        }
        try (Connection direct = DriverManager.getConnection(database.postgresUrl(), database.user(),
                database.password()); Statement statement = direct.createStatement();
                ResultSet result = statement.executeQuery("SHOW synchronous_commit")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).as("the test's own setting took").isEqualTo("off");
        }
    }

    @Test
    void storageFailuresAreToldApartFromFailuresOfOneStatement() {
        assertThat(StorageFailures.isStorageFailure(new SQLException("disk full", "53100"))).isTrue();
        assertThat(StorageFailures.isStorageFailure(new SQLException("read only", "25006"))).isTrue();
        assertThat(StorageFailures.isStorageFailure(new SQLException("connection", "08006"))).isTrue();
        assertThat(StorageFailures.isStorageFailure(new SQLTransientConnectionException("pool timed out"))).isTrue();
        assertThat(StorageFailures.isStorageFailure(new SQLException("No disk space", "90100", 90100))).isTrue();
        assertThat(StorageFailures.isStorageFailure(new SQLException("read only", "90097", 90097))).isTrue();
        assertThat(StorageFailures.isStorageFailure(new IllegalStateException(new SQLException("x", "90098", 90098))))
                .isTrue();

        assertThat(StorageFailures.isStorageFailure(new SQLException("duplicate", "23505"))).isFalse();
        assertThat(StorageFailures.isStorageFailure(new SQLException("bad text", "22021"))).isFalse();
        assertThat(StorageFailures.isStorageFailure(new SQLException("syntax", "42000", 42000))).isFalse();
        assertThat(StorageFailures.isStorageFailure(new IllegalArgumentException("not a database failure")))
                .isFalse();
    }

    @Test
    void aStorageFailureAnswersUnavailableWithoutTheDatabasesWordsAndMarksTheDatabaseFailing() {
        java.util.concurrent.atomic.AtomicInteger renewals = new java.util.concurrent.atomic.AtomicInteger();
        StorageFailures failures = new StorageFailures(renewals::incrementAndGet);
        Jdbi decorated = Jdbi.create("jdbc:h2:mem:storage-failures");
        decorated.setHandleCallbackDecorator(failures);

        assertThatThrownBy(() -> decorated.useHandle(handle -> {
            throw new IllegalStateException(new SQLException("disk full, row ('canary-row-value')", "53100"));
        })).isInstanceOfSatisfying(PlatformException.class, unavailable ->
                assertThat(unavailable.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE));
        assertThat(failures.failing()).isTrue();
        assertThat(renewals).as("broken connections are renewed").hasValue(1);
        failures.recovered();
        assertThatThrownBy(() -> decorated.useHandle(handle -> {
            throw new IllegalStateException(new SQLException("duplicate", "23505"));
        })).isInstanceOf(IllegalStateException.class);
        assertThat(failures.failing()).as("a failure of one statement").isFalse();

        Jdbi translating = Jdbi.create(failures.connections(() -> {
            throw new SQLException("No space left on device, row ('canary-row-value')", "53100");
        }));
        assertThatThrownBy(() -> translating.withHandle(handle -> handle.execute("UPDATE x SET y = 1")))
                .isInstanceOfSatisfying(PlatformException.class, unavailable -> {
                    assertThat(unavailable.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
                    assertThat(unavailable.getMessage()).contains("storage is unavailable");
                    assertThat(unavailable).rootCause().hasMessageNotContaining("canary-row-value");
                });
        assertThat(failures.failing()).isTrue();
        failures.recovered();
        assertThat(failures.failing()).isFalse();
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.postgresUrl(), database.user(),
                database.password()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String databaseName(TestDatabase database) {
        String url = database.postgresUrl();
        String path = url.substring(url.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
