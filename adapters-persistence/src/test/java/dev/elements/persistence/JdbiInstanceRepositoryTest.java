package dev.elements.persistence;

import dev.elements.core.contract.InstanceRepositoryContract;
import dev.elements.testing.DatabaseKind;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Core's contract for the instance repository on H2 and on PostgreSQL. */
@ParameterizedClass(name = "on {0}")
@EnumSource(DatabaseKind.class)
class JdbiInstanceRepositoryTest extends InstanceRepositoryContract {
    @RegisterExtension
    static final DatabaseStores STORES = new DatabaseStores();

    @Parameter
    DatabaseKind database;

    @Override
    protected Stores emptyStores() {
        PersistenceStore store = STORES.emptied(database);
        return new Stores(store.instances(), store.tenants());
    }
}
