package dev.elements.core.memory;

import dev.elements.core.contract.PendingAuthorizationsContract;
import dev.elements.core.port.out.PendingAuthorizations;

class InMemoryPendingAuthorizationsTest extends PendingAuthorizationsContract {
    @Override
    protected PendingAuthorizations emptyStore() {
        return new InMemoryPendingAuthorizations();
    }
}
