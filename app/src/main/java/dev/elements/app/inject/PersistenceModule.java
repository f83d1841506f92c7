package dev.elements.app.inject;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.elements.app.config.DatabaseSettings;
import dev.elements.app.config.EmbeddedDatabase;
import dev.elements.app.config.MasterKey;
import dev.elements.app.config.MasterKeyFile;
import dev.elements.app.config.SecuritySettings;
import dev.elements.core.port.out.CredentialCipher;
import dev.elements.core.port.out.CredentialKeyStore;
import dev.elements.core.port.out.DataDeletions;
import dev.elements.core.port.out.EventOutbox;
import dev.elements.core.port.out.EventPolls;
import dev.elements.core.port.out.IdempotencyRecords;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.port.out.PageTokenSealer;
import dev.elements.core.port.out.PendingAuthorizations;
import dev.elements.core.port.out.ProviderUsageLedger;
import dev.elements.core.port.out.ReadinessCheck;
import dev.elements.core.port.out.RefreshLeases;
import dev.elements.core.port.out.SealedSecrets;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.persistence.PersistenceStore;
import dev.elements.persistence.TinkPageTokenSealer;

/**
 * Where every outbound port that storage implements gets its adapter: the {@link MasterKey}, the
 * {@link PersistenceStore} on H2 in the data directory unless a JDBC URL says otherwise, and from
 * it {@link InstanceRepository}, {@link TenantRepository}, {@link CredentialCipher},
 * {@link CredentialKeyStore}, {@link SealedSecrets}, {@link RefreshLeases},
 * {@link IdempotencyRecords}, {@link PendingAuthorizations}, {@link ProviderUsageLedger}, {@link EventOutbox},
 * {@link EventPolls}, {@link DataDeletions} and the database {@link ReadinessCheck};
 * and the {@link PageTokenSealer}, Tink under a key derived from the master key. Whoever closes the
 * store (the server, a command) asks for {@link PersistenceStore} itself.
 */
public final class PersistenceModule extends AbstractModule {
    /** Every node derives the same key from the master key, so a page token from one node works on all. */
    static final String PAGE_TOKEN_KEY_PURPOSE = "hub-page-tokens";

    private final DatabaseSettings database;
    private final SecuritySettings security;
    private final boolean mayCreateMasterKey;

    private PersistenceModule(DatabaseSettings database, SecuritySettings security, boolean mayCreateMasterKey) {
        this.database = requireNonNull(database, "database");
        this.security = requireNonNull(security, "security");
        this.mayCreateMasterKey = mayCreateMasterKey;
    }

    /** For a server: a fresh installation gets a master key file in its data directory. */
    public static PersistenceModule forServer(DatabaseSettings database, SecuritySettings security) {
        return new PersistenceModule(database, security, true);
    }

    /** For maintenance commands, which must never make a new master key: it would open nothing stored. */
    public static PersistenceModule forMaintenance(DatabaseSettings database, SecuritySettings security) {
        return new PersistenceModule(database, security, false);
    }

    @Provides
    @Singleton
    MasterKey masterKey() {
        return new MasterKey(mayCreateMasterKey
                ? MasterKeyFile.resolve(security, database.dataDirectory())
                : MasterKeyFile.resolveExisting(security, database.dataDirectory()));
    }

    @Provides
    @Singleton
    PersistenceStore store(MasterKey masterKey) {
        if (database.embedded()) {
            EmbeddedDatabase.prepare(database.dataDirectory());
        }
        return PersistenceStore.open(database.jdbcUrl(), database.user(), database.password(), masterKey.bytes());
    }

    @Provides
    InstanceRepository instances(PersistenceStore store) {
        return store.instances();
    }

    @Provides
    TenantRepository tenants(PersistenceStore store) {
        return store.tenants();
    }

    @Provides
    CredentialCipher credentialCipher(PersistenceStore store) {
        return store.credentialCipher();
    }

    @Provides
    CredentialKeyStore credentialKeys(PersistenceStore store) {
        return store.credentialKeys();
    }

    @Provides
    SealedSecrets sealedSecrets(PersistenceStore store) {
        return store.sealedSecrets();
    }

    @Provides
    RefreshLeases refreshLeases(PersistenceStore store) {
        return store.refreshLeases();
    }

    @Provides
    IdempotencyRecords idempotencyRecords(PersistenceStore store) {
        return store.idempotencyRecords();
    }

    @Provides
    PendingAuthorizations pendingAuthorizations(PersistenceStore store) {
        return store.pendingAuthorizations();
    }

    @Provides
    ProviderUsageLedger providerUsageLedger(PersistenceStore store) {
        return store.providerUsageLedger();
    }

    @Provides
    EventOutbox eventOutbox(PersistenceStore store) {
        return store.eventOutbox();
    }

    @Provides
    EventPolls eventPolls(PersistenceStore store) {
        return store.eventPolls();
    }

    @Provides
    DataDeletions dataDeletions(PersistenceStore store) {
        return store.dataDeletions();
    }

    @Provides
    ReadinessCheck readinessCheck(PersistenceStore store) {
        return store.readinessCheck();
    }

    @Provides
    @Singleton
    PageTokenSealer pageTokens(MasterKey masterKey) {
        return new TinkPageTokenSealer(masterKey.derive(PAGE_TOKEN_KEY_PURPOSE));
    }
}
