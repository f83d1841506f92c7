package dev.elements.persistence;

/**
 * Two stores on one fresh PostgreSQL database: two nodes, each with its own pool, cipher and
 * caches, sharing the database and the master key only.
 */
record TwoNodes(PersistenceStore a, PersistenceStore b) implements AutoCloseable {
    static TwoNodes onFreshPostgres() {
        byte[] masterKey = TestStores.newMasterKey();
        String url = TestStores.freshPostgresUrl();
        return new TwoNodes(PersistenceStore.open(url, "postgres", "", masterKey),
                PersistenceStore.open(url, "postgres", "", masterKey));
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
