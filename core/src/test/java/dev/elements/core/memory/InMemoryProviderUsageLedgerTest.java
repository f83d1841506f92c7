package dev.elements.core.memory;

import dev.elements.core.contract.ProviderUsageLedgerContract;
import dev.elements.core.port.out.ProviderUsageLedger;

class InMemoryProviderUsageLedgerTest extends ProviderUsageLedgerContract {
    @Override
    protected ProviderUsageLedger emptyLedger() {
        return new InMemoryProviderUsageLedger();
    }
}
