package dev.elements.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.app.Main.StartupFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up as Main runs it: every failure names its cause and exits 2, and what the server creates
 * on disk is readable by its owner only.
 */
class StartupFailuresTest {
    private static final String LONG_SECRET = "a-secret-that-is-long-enough-0123456789";

    @TempDir
    Path temporary;

    private Map<String, String> settings(Path dataDirectory, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("ELEMENTS_DATA_DIR", dataDirectory.toString(),
                "ELEMENTS_HTTP_HOST", "127.0.0.1", "ELEMENTS_HTTP_PORT", "0"));
        settings.putAll(extra);
        return settings;
    }

    private static ElementsServer start(Map<String, String> settings) {
        return Main.start(settings, new Properties(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }

    private static StartupFailure failureOf(Map<String, String> settings) {
        try (ElementsServer unexpected = start(settings)) {
            throw new AssertionError("started on port " + unexpected.port());
        } catch (StartupFailure failure) {
            return failure;
        }
    }

    @Test
    void aDataDirectoryThatIsARegularFileIsNamedAndExitsTwo() throws Exception {
        Path file = Files.writeString(temporary.resolve("data"), "not a directory");

        StartupFailure failure = failureOf(settings(file, Map.of()));

        assertThat(failure.exitCode).isEqualTo(2);
        assertThat(failure.getMessage()).contains("ELEMENTS_DATA_DIR").contains(file.toString())
                .contains("is not a directory");
    }

    @Test
    void aDataDirectoryThatIsAFileIsNamedAlsoWhenTheMasterKeyIsConfigured() throws Exception {
        Path file = Files.writeString(temporary.resolve("data"), "not a directory");

        StartupFailure failure = failureOf(settings(file, Map.of("ELEMENTS_MASTER_KEY",
                java.util.Base64.getEncoder().encodeToString(new byte[32]))));

        assertThat(failure.exitCode).isEqualTo(2);
        assertThat(failure.getMessage()).contains(file.toString()).contains("is not a directory");
    }

    @Test
    void aDeletedMasterKeyFileIsNamedAndNotBlamedOnASettingThatWasNeverMade() throws Exception {
        Path data = temporary.resolve("data");
        start(settings(data, Map.of())).close();
        Files.delete(data.resolve("master.key"));

        StartupFailure failure = failureOf(settings(data, Map.of()));

        assertThat(failure.exitCode).isEqualTo(2);
        assertThat(failure.getMessage()).contains(data.resolve("master.key").toString()).contains("is missing")
                .doesNotContain("ELEMENTS_MASTER_KEY does not open");
        assertThat(data.resolve("master.key")).as("no new key hides the loss").doesNotExist();
    }

    @Test
    void aBusyPortExitsTwoNamingThePortAndItsSettingBeforeAnySecretIsMade() throws Exception {
        Path data = temporary.resolve("data");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String port = Integer.toString(taken.getLocalPort());
            try (ElementsServer unexpected = Main.start(settings(data, Map.of("ELEMENTS_HTTP_PORT", port)),
                    new Properties(), new PrintStream(console, true, StandardCharsets.UTF_8))) {
                throw new AssertionError("started on a taken port " + unexpected.port());
            } catch (StartupFailure failure) {
                assertThat(failure.exitCode).isEqualTo(2);
                assertThat(failure.getMessage()).contains("Port " + port).contains("in use")
                        .contains("ELEMENTS_HTTP_PORT");
            }
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("secret");

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        Main.start(settings(data, Map.of()), new Properties(), new PrintStream(again, true, StandardCharsets.UTF_8))
                .close();
        assertThat(again.toString(StandardCharsets.UTF_8)).as("the first organization is made by the start that serves")
                .contains("first organization created").contains("Organization secret: ");
    }

    @Test
    void aBrokenElementDocumentStopsTheStartNamingItsFileLineAndField() throws Exception {
        Path documents = Files.createDirectory(temporary.resolve("elements"));
        Files.writeString(documents.resolve("acme.json"), acme("acme", 9001).replace("\"style\": \"link\"",
                "\"style\": \"pages\""));

        StartupFailure failure = failureOf(settings(temporary.resolve("data"),
                Map.of("ELEMENTS_ELEMENTS_DIR", documents.toString())));

        assertThat(failure.exitCode).isEqualTo(2);
        assertThat(failure.getMessage()).contains("ELEMENTS_ELEMENTS_DIR").contains("acme.json, line 14, column ")
                .contains("$.hub.paging.style: must be one of cursor, link, offset, none");
    }

    @Test
    void anElementDocumentClaimingTheKeyOfAnotherElementStopsTheStartLikeTwoPluginsWould() throws Exception {
        Path documents = Files.createDirectory(temporary.resolve("elements"));
        Files.writeString(documents.resolve("my-github.json"), acme("github", 9001));

        StartupFailure failure = failureOf(settings(temporary.resolve("data"),
                Map.of("ELEMENTS_ELEMENTS_DIR", documents.toString())));

        assertThat(failure.exitCode).isEqualTo(2);
        assertThat(failure.getMessage()).contains("claim the key github");
    }

    @Test
    void theElementDocumentsOfTheDirectoryAreRegisteredNextToThePluginsAndTheShippedOnes() throws Exception {
        Path documents = Files.createDirectory(temporary.resolve("elements"));
        Files.writeString(documents.resolve("acme.json"), acme("acme", 9001));

        start(settings(temporary.resolve("data"), Map.of("ELEMENTS_ELEMENTS_DIR", documents.toString()))).close();
    }

    /** A small element document; its paging style is on line 14. */
    private static String acme(String key, long id) {
        return """
                {
                  "key": "%s",
                  "id": %d,
                  "name": "Acme",
                  "description": "Acme's widgets",
                  "image": "https://acme.example/logo.png",
                  "signupUrl": "https://acme.example/apps",
                  "oauth2": {
                    "authorizationUrl": "https://acme.example/oauth/authorize",
                    "tokenUrl": "https://acme.example/oauth/token",
                    "baseUrl": "https://api.acme.example",
                    "userId": {"path": "/me", "pointer": "/id"}
                  },
                  "hub": {"name": "crm", "paging": {"style": "link", "limitParameter": "per_page"}},
                  "resources": [
                    {"path": "widgets", "method": "GET", "vendorPath": "/widgets", "answer": "list", "description": "Widgets"}
                  ]
                }
                """.formatted(key, id);
    }

    @Test
    void anUnforeseenFailureNamesItsCauseInsteadOfNullAndExitsTwo() {
        StartupFailure failure = StartupFailure.of(new IllegalStateException("wrapped", new StackOverflowError()));

        assertThat(failure.exitCode).isEqualTo(2);
        assertThat(failure.getMessage()).isEqualTo("java.lang.StackOverflowError");
        assertThat(StartupFailure.of(new IllegalStateException(new java.io.IOException("No space left on device")))
                .getMessage()).isEqualTo("IOException: No space left on device");
    }

    @Test
    void operatorAndBootstrapSecretsShorterThanThirtyTwoCharactersAreRefusedByNameNeverQuoted() {
        for (String setting : List.of("ELEMENTS_OPERATOR_SECRET", "ELEMENTS_BOOTSTRAP_ORGANIZATION_SECRET",
                "ELEMENTS_BOOTSTRAP_USER_SECRET")) {
            String shortSecret = "canary-short-secret-0123456789ab"; // 32 characters
            String tooShort = shortSecret.substring(1);

            StartupFailure failure = failureOf(settings(temporary.resolve("data"), Map.of(setting, tooShort)));

            assertThat(failure.exitCode).as(setting).isEqualTo(2);
            assertThat(failure.getMessage()).contains(setting).contains("at least 32 characters")
                    .doesNotContain(tooShort);
        }
        Map<String, String> longEnough = settings(temporary.resolve("long"), Map.of(
                "ELEMENTS_OPERATOR_SECRET", LONG_SECRET,
                "ELEMENTS_BOOTSTRAP_ORGANIZATION_SECRET", "canary-short-secret-0123456789ab",
                "ELEMENTS_BOOTSTRAP_USER_SECRET", LONG_SECRET + "-user"));
        start(longEnough).close();
    }

    @Test
    void theDataDirectoryAndEveryDatabaseFileAreReadableByTheirOwnerOnly() throws Exception {
        Path data = temporary.resolve("new").resolve("data");
        start(settings(data, Map.of())).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(data.resolve("elements.mv.db")).exists();
        assertOwnerOnlyFiles(data);
    }

    @Test
    void theDatabaseFilesOfAnExistingInstallationAreNarrowedToTheirOwner() throws Exception {
        Path data = temporary.resolve("data");
        start(settings(data, Map.of())).close();
        try (Stream<Path> files = Files.list(data)) {
            for (Path file : files.filter(file -> file.getFileName().toString().startsWith("elements.")).toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }

        start(settings(data, Map.of())).close();

        assertOwnerOnlyFiles(data);
    }

    private static void assertOwnerOnlyFiles(Path data) throws Exception {
        try (Stream<Path> files = Files.list(data)) {
            List<Path> all = files.toList();
            assertThat(all).isNotEmpty();
            for (Path file : all) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                        .isEqualTo("rw-------");
            }
        }
    }

    @Test
    void startFailuresAreStartupFailures() {
        assertThatThrownBy(() -> start(settings(temporary, Map.of("ELEMENTS_HTTP_PORT", "eighty"))))
                .isInstanceOf(StartupFailure.class);
    }
}
