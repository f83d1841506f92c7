package dev.elements.persistence;

import dev.elements.core.contract.PendingAuthorizationsContract;
import dev.elements.core.port.out.PendingAuthorizations;
import dev.elements.testing.DatabaseKind;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Core's contract for the PKCE verifiers of logins under way, on H2 and on PostgreSQL. */
@ParameterizedClass(name = "on {0}")
@EnumSource(DatabaseKind.class)
class JdbiPendingAuthorizationsTest extends PendingAuthorizationsContract {
    @RegisterExtension
    static final DatabaseStores STORES = new DatabaseStores();

    @Parameter
    DatabaseKind database;

    @Override
    protected PendingAuthorizations emptyStore() {
        return STORES.emptied(database).pendingAuthorizations();
    }
}
