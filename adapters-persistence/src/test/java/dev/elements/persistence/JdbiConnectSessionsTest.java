package dev.elements.persistence;

import dev.elements.core.contract.ConnectSessionsContract;
import dev.elements.core.port.out.ConnectSessions;
import dev.elements.testing.DatabaseKind;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Core's contract for hosted connect sessions, on H2 and on PostgreSQL. */
@ParameterizedClass(name = "on {0}")
@EnumSource(DatabaseKind.class)
class JdbiConnectSessionsTest extends ConnectSessionsContract {
    @RegisterExtension
    static final DatabaseStores STORES = new DatabaseStores();

    @Parameter
    DatabaseKind database;

    @Override
    protected ConnectSessions emptyStore() {
        return STORES.emptied(database).connectSessions();
    }
}
