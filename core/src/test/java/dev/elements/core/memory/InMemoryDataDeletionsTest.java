package dev.elements.core.memory;

import dev.elements.core.contract.DataDeletionsContract;
import dev.elements.core.port.out.DataDeletions;

class InMemoryDataDeletionsTest extends DataDeletionsContract {
    @Override
    protected DataDeletions emptyStore() {
        return new InMemoryDataDeletions();
    }
}
