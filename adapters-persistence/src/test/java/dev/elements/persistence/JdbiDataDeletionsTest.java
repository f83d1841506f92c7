package dev.elements.persistence;

import dev.elements.core.contract.DataDeletionsContract;
import dev.elements.core.port.out.DataDeletions;
import dev.elements.testing.DatabaseKind;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Core's contract for the data deletion records on H2 and on PostgreSQL. */
@ParameterizedClass(name = "on {0}")
@EnumSource(DatabaseKind.class)
class JdbiDataDeletionsTest extends DataDeletionsContract {
    @RegisterExtension
    static final DatabaseStores STORES = new DatabaseStores();

    @Parameter
    DatabaseKind database;

    @Override
    protected DataDeletions emptyStore() {
        return STORES.emptied(database).dataDeletions();
    }
}
