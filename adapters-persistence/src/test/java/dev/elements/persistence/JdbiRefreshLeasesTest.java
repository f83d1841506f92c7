package dev.elements.persistence;

import dev.elements.core.contract.RefreshLeasesContract;
import dev.elements.testing.DatabaseKind;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Core's contract for renewal leases on H2 and on PostgreSQL. */
@ParameterizedClass(name = "on {0}")
@EnumSource(DatabaseKind.class)
class JdbiRefreshLeasesTest extends RefreshLeasesContract {
    @RegisterExtension
    static final DatabaseStores STORES = new DatabaseStores();

    @Parameter
    DatabaseKind database;

    @Override
    protected LeaseStores emptyStores() {
        PersistenceStore store = STORES.emptied(database);
        return new LeaseStores(store.instances(), store.tenants(), store.refreshLeases());
    }
}
