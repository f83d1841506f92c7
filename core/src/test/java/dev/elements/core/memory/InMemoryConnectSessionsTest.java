package dev.elements.core.memory;

import dev.elements.core.contract.ConnectSessionsContract;
import dev.elements.core.port.out.ConnectSessions;

class InMemoryConnectSessionsTest extends ConnectSessionsContract {
    @Override
    protected ConnectSessions emptyStore() {
        return new InMemoryConnectSessions();
    }
}
