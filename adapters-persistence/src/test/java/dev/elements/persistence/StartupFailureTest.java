package dev.elements.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store that cannot start says why, names the database and never shows a password. */
class StartupFailureTest {
    private static final String LOGIN_PASSWORD = "login-password-do-not-show";
    private static final String URL_PASSWORD = "url-password-do-not-show";

    @Test
    void anUnreachableDatabaseFailsWithinSecondsNamingTheUrlButNoPassword() throws IOException {
        int closedPort = closedPort();
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/elements?user=elements&password=" + URL_PASSWORD;

        // Not a speed measurement: a guard against waiting out a pool's default timeouts (minutes).
        PersistenceStartupException failure = assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                catchStartupFailure(url, LOGIN_PASSWORD));

        assertThat(failure.getMessage())
                .contains("jdbc:postgresql://127.0.0.1:" + closedPort + "/elements?user=elements&password=***")
                .contains("as user elements");
        assertNoPasswordAnywhere(failure);
    }

    @Test
    void aDatabaseThatDoesNotExistFailsNamingTheUrl() {
        String existing = TestStores.freshPostgresUrl();
        String missing = existing.replaceFirst("elements_test_\\d+", "no_such_database");

        PersistenceStartupException failure = catchStartupFailure(missing, LOGIN_PASSWORD);

        assertThat(failure.getMessage()).contains(missing).contains("no_such_database");
        assertNoPasswordAnywhere(failure);
    }

    @Test
    void aMasterKeyOfTheWrongLengthIsRefusedBeforeAnythingIsStored(@TempDir Path dataDirectory) throws IOException {
        assertThatThrownBy(() -> PersistenceStore.open(PersistenceStore.h2FileUrl(dataDirectory), "", "", new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        try (Stream<Path> files = Files.list(dataDirectory)) {
            assertThat(files).as("no database was created").isEmpty();
        }
    }

    @Test
    void urlsAreShownWithPasswordsMasked() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/elements?user=u&password=p&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/elements?user=u&password=***&ssl=true");
        assertThat(JdbcUrls.redact("jdbc:h2:file:/data/elements;USER=sa;PASSWORD=p;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:/data/elements;USER=sa;PASSWORD=***;MODE=PostgreSQL");
        assertThat(JdbcUrls.redact("jdbc:postgresql://u:p@db/elements")).isEqualTo("jdbc:postgresql://u:***@db/elements");
        assertThat(JdbcUrls.redact("jdbc:postgresql://db/elements")).isEqualTo("jdbc:postgresql://db/elements");
    }

    @Test
    void theEmbeddedDefaultIsAnH2FileInTheDataDirectoryInPostgreSqlMode(@TempDir Path dataDirectory) {
        assertThat(PersistenceStore.h2FileUrl(dataDirectory))
                .isEqualTo("jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("elements")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;REUSE_SPACE=FALSE;TRACE_LEVEL_FILE=0");
        assertThatThrownBy(() -> PersistenceStore.h2FileUrl(dataDirectory.resolve("a;b")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PersistenceStartupException catchStartupFailure(String url, String password) {
        try (PersistenceStore unexpected = PersistenceStore.open(url, "elements", password,
                TestStores.newMasterKey())) {
            throw new AssertionError("opened " + unexpected.kind() + " at an unusable URL");
        } catch (PersistenceStartupException expected) {
            return expected;
        }
    }

    private static void assertNoPasswordAnywhere(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            assertThat(String.valueOf(cause.getMessage())).doesNotContain(LOGIN_PASSWORD).doesNotContain(URL_PASSWORD);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
