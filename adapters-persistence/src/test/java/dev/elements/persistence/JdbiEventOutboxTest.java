package dev.elements.persistence;

import dev.elements.core.contract.EventOutboxContract;
import dev.elements.testing.DatabaseKind;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Core's contract for the event outbox on H2 and on PostgreSQL. */
@ParameterizedClass(name = "on {0}")
@EnumSource(DatabaseKind.class)
class JdbiEventOutboxTest extends EventOutboxContract {
    @RegisterExtension
    static final DatabaseStores STORES = new DatabaseStores();

    @Parameter
    DatabaseKind database;

    @Override
    protected OutboxStores emptyStores() {
        PersistenceStore store = STORES.emptied(database);
        return new OutboxStores(store.instances(), store.tenants(), store.eventOutbox());
    }
}
