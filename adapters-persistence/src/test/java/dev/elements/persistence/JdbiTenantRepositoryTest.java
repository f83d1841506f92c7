package dev.elements.persistence;

import dev.elements.core.contract.TenantRepositoryContract;
import dev.elements.testing.DatabaseKind;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.elements.core.port.out.TenantRepository;

/** Core's contract for the tenant repository on H2 and on PostgreSQL. */
@ParameterizedClass(name = "on {0}")
@EnumSource(DatabaseKind.class)
class JdbiTenantRepositoryTest extends TenantRepositoryContract {
    @RegisterExtension
    static final DatabaseStores STORES = new DatabaseStores();

    @Parameter
    DatabaseKind database;

    @Override
    protected TenantRepository emptyRepository() {
        PersistenceStore store = STORES.emptied(database);
        return store.tenants();
    }
}
