package dev.elements.app.cluster;

import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.service.CredentialVault;
import dev.elements.persistence.PersistenceStore;
import dev.elements.testing.TestDatabase;
import dev.elements.testing.TestDatabases;
import java.util.Base64;
import java.util.Map;

/** A fresh embedded PostgreSQL that several server nodes share under one master key, as a cluster would. */
public final class ClusterDatabase {
    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32});

    private final TestDatabase database = TestDatabases.freshPostgres();

    /** The settings that put a node, or the keys command, on this database under the cluster's key. */
    public Map<String, String> settings() {
        return Map.of("ELEMENTS_DATABASE_URL", database.postgresUrl(), "ELEMENTS_DATABASE_USER", database.user(),
                "ELEMENTS_DATABASE_PASSWORD", database.password(), "ELEMENTS_MASTER_KEY", MASTER_KEY);
    }

    /** An instance's provider credentials as stored, read with the cluster's key, as a third node would. */
    public TokenSet storedTokens(long instanceId) {
        try (PersistenceStore store = PersistenceStore.open(database.postgresUrl(), database.user(),
                database.password(), Base64.getDecoder().decode(MASTER_KEY))) {
            Instance instance = store.instances().findById(new InstanceId(instanceId)).orElseThrow();
            return new CredentialVault(store.credentialCipher()).open(instance).tokens();
        }
    }
}
