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
import dev.elements.persistence.PersistenceStore;

/** The database: H2 in the data directory unless a JDBC URL says otherwise. */
public final class PersistenceModule extends AbstractModule {
    private final DatabaseSettings database;
    private final SecuritySettings security;

    public PersistenceModule(DatabaseSettings database, SecuritySettings security) {
        this.database = requireNonNull(database, "database");
        this.security = requireNonNull(security, "security");
    }

    @Provides
    @Singleton
    MasterKey masterKey() {
        return new MasterKey(MasterKeyFile.resolve(security, database.dataDirectory()));
    }

    @Provides
    @Singleton
    PersistenceStore store(MasterKey masterKey) {
        if (database.embedded()) {
            EmbeddedDatabase.prepare(database.dataDirectory());
        }
        return PersistenceStore.open(database.jdbcUrl(), database.user(), database.password(), masterKey.bytes());
    }
}
