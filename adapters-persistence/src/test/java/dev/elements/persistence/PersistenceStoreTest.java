package dev.elements.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.event.DeliveryState;
import dev.elements.core.event.EventId;
import dev.elements.core.event.OutboxEvent;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.Sealed;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Opening, restarting and closing a store, the same on both databases. */
class PersistenceStoreTest {
    @TempDir
    Path dataDirectory;

    enum Database {
        H2 {
            @Override
            String freshUrl(Path dataDirectory) {
                return PersistenceStore.h2FileUrl(dataDirectory);
            }

            @Override
            String user() {
                return "";
            }
        },
        POSTGRESQL {
            @Override
            String freshUrl(Path dataDirectory) {
                return TestStores.freshPostgresUrl();
            }

            @Override
            String user() {
                return "postgres";
            }
        };

        abstract String freshUrl(Path dataDirectory);

        abstract String user();

        PersistenceStore open(String url, byte[] masterKey) {
            return PersistenceStore.open(url, user(), "", masterKey);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void migratesAnEmptyDatabaseOnceAndKeepsItsDataAcrossARestart(Database database) {
        String url = database.freshUrl(dataDirectory);
        byte[] masterKey = TestStores.newMasterKey();
        Principal created;
        List<Map<String, Object>> migrations;
        try (PersistenceStore first = database.open(url, masterKey)) {
            assertThat(first.kind()).isEqualTo(database == Database.H2 ? "H2" : "PostgreSQL");
            created = first.tenants().createOrganization("Restarted", SecretDigest.of(Fixtures.secret()),
                    Fixtures.newUser("admin@restart.example", Role.ORG_ADMIN));
            migrations = appliedMigrations(first);
            // Flyway may also record markers of its own (H2 gets one), which have no version.
            assertThat(migrations).filteredOn(row -> row.get("version") != null)
                    .extracting(row -> row.get("script"))
                    .containsExactly("V1__initial_schema.sql", "V2__renewal_leases_idempotency_bootstrap.sql",
                            "V3__provider_usage.sql", "V4__write_probe.sql", "V5__user_versions.sql",
                            "V6__pending_authorizations.sql", "V7__deleted_users.sql", "V8__events.sql",
                            "V9__connect_sessions.sql");
            assertThat(migrations).extracting(row -> row.get("success")).containsOnly(true);
        }

        try (PersistenceStore restarted = database.open(url, masterKey)) {
            assertThat(restarted.tenants().findUserBySecret(created.user().secretDigest())).contains(created.user());
            assertThat(restarted.tenants().findOrganization(created.organizationId()))
                    .contains(created.organization());
            assertThat(appliedMigrations(restarted)).as("nothing ran again").isEqualTo(migrations);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void theFirstKeysetStaysWhenAnotherNodeTriesToStoreOne(Database database) {
        try (PersistenceStore store = database.open(database.freshUrl(dataDirectory), TestStores.newMasterKey())) {
            EncryptionKeysets keysets = new EncryptionKeysets(store.jdbi(), Clock.systemUTC());
            EncryptionKeysets.StoredKeyset first = keysets.find(TinkCredentialCipher.PURPOSE).orElseThrow();

            boolean stored = keysets.insertIfAbsent(TinkCredentialCipher.PURPOSE, new byte[] {1, 2, 3}, "42");

            assertThat(stored).isFalse();
            assertThat(keysets.find(TinkCredentialCipher.PURPOSE).orElseThrow().wrappedKeyset())
                    .isEqualTo(first.wrappedKeyset());
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void isReadyWhileOpenAndNotReadyOnceClosedWithoutThrowing(Database database) {
        PersistenceStore store = database.open(database.freshUrl(dataDirectory), TestStores.newMasterKey());

        assertThat(store.readinessCheck().name()).isEqualTo("database");
        assertThat(store.readinessCheck().ready()).isTrue();

        store.close();
        assertThat(store.readinessCheck().ready()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aFailedWriteShowsNoStoredValueInItsMessages(Database database) {
        try (PersistenceStore store = database.open(database.freshUrl(dataDirectory), TestStores.newMasterKey())) {
            Principal owner = store.tenants().createOrganization("Leaky", SecretDigest.of(Fixtures.secret()),
                    Fixtures.newUser("admin@leaky.example", Role.ORG_ADMIN));
            Instance instance = Fixtures.instance(store.instances().nextId(), owner.organizationId(),
                    owner.user().id(), "name-that-must-not-show", List.of())
                    .change()
                    .secrets(new Sealed("1", "ciphertext-that-must-not-show".getBytes(StandardCharsets.UTF_8)))
                    .at(Fixtures.NOW);
            store.instances().insert(instance);

            Throwable failure = catchThrowable(() -> store.instances().insert(instance));

            assertThat(failure).isNotNull();
            String ciphertextHex = HexFormat.of().formatHex(instance.secrets().ciphertext());
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                assertThat(String.valueOf(cause.getMessage()))
                        .doesNotContain("name-that-must-not-show")
                        .doesNotContain("ciphertext-that-must-not-show")
                        .doesNotContainIgnoringCase(ciphertextHex);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aFailedIdempotencyClaimShowsNoStoredValueInItsMessages(Database database) {
        try (PersistenceStore store = database.open(database.freshUrl(dataDirectory), TestStores.newMasterKey())) {
            OrganizationId unknown = new OrganizationId(987_654_321);

            Throwable failure = catchThrowable(() -> store.idempotencyRecords()
                    .claim(unknown, "key-that-must-not-show", "fingerprint-that-must-not-show", Fixtures.NOW));

            assertThat(failure).isNotNull();
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                assertThat(String.valueOf(cause.getMessage()))
                        .doesNotContain("key-that-must-not-show")
                        .doesNotContain("fingerprint-that-must-not-show");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aRefusedEventBatchShowsNoProviderDataInItsMessages(Database database) {
        try (PersistenceStore store = database.open(database.freshUrl(dataDirectory), TestStores.newMasterKey())) {
            Principal owner = store.tenants().createOrganization("Events", SecretDigest.of(Fixtures.secret()),
                    Fixtures.newUser("admin@events.example", Role.ORG_ADMIN));
            Instance instance = Fixtures.instance(store.instances().nextId(), owner.organizationId(),
                    owner.user().id(), "events", List.of());
            store.instances().insert(instance);
            OutboxEvent event = new OutboxEvent(EventId.random(), owner.organizationId(), instance.id(),
                    instance.elementKey(), Fixtures.NOW, "https://app.example/events",
                    "{\"raw\":\"post-that-must-not-show\"}", "sha256=signature-that-must-not-show",
                    DeliveryState.PENDING, 0, Fixtures.NOW, null, null);
            store.eventOutbox().append(List.of(event));

            Throwable failure = catchThrowable(() -> store.eventOutbox().append(List.of(event)));

            assertThat(failure).isNotNull();
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                assertThat(String.valueOf(cause.getMessage()))
                        .doesNotContain("post-that-must-not-show")
                        .doesNotContain("signature-that-must-not-show");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void anIdempotencyKeyOfUpTo255CharactersIsStoredAndALongerOneIsTheCallersMistake(Database database) {
        try (PersistenceStore store = database.open(database.freshUrl(dataDirectory), TestStores.newMasterKey())) {
            OrganizationId organization = store.tenants().createOrganization("Keys", SecretDigest.of(Fixtures.secret()),
                    Fixtures.newUser("admin@keys.example", Role.ORG_ADMIN)).organizationId();
            String longest = "\u00e9".repeat(253) + "\ud83d\udd11";

            assertThat(store.idempotencyRecords().claim(organization, longest, "f", Fixtures.NOW)).isEmpty();
            assertThat(store.idempotencyRecords().find(organization, longest)).isPresent();
            assertThat(catchThrowable(() -> store.idempotencyRecords()
                    .claim(organization, longest + "x", "f", Fixtures.NOW)))
                    .isInstanceOfSatisfying(PlatformException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD));
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aDatabaseThatHadOrganizationsBeforeTheBootstrapMarkerIsNotBootstrappedAgain(Database database)
            throws Exception {
        String url = database.freshUrl(dataDirectory);
        Flyway.configure().dataSource(url, database.user(), "").locations("classpath:db/migration").target("1")
                .load().migrate();
        try (Connection connection = DriverManager.getConnection(url, database.user(), "");
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO organizations (name, secret_digest, created_at) VALUES ('Old', '"
                    + SecretDigest.of(Fixtures.secret()).hex() + "', 1)");
        }

        try (PersistenceStore upgraded = database.open(url, TestStores.newMasterKey())) {
            assertThat(upgraded.tenants().createFirstOrganization("Second first", SecretDigest.of(Fixtures.secret()),
                    Fixtures.newUser("admin@second.example", Role.ORG_ADMIN))).isEmpty();
            long organizations = upgraded.jdbi().withHandle(handle ->
                    handle.createQuery("SELECT COUNT(*) FROM organizations").mapTo(Long.class).one());
            assertThat(organizations).isEqualTo(1);
        }
    }

    private static List<Map<String, Object>> appliedMigrations(PersistenceStore store) {
        return store.jdbi().withHandle(handle -> handle.createQuery("""
                SELECT installed_rank, version, type, script, checksum, installed_on, success
                  FROM flyway_schema_history ORDER BY installed_rank""")
                .mapToMap()
                .list());
    }
}
