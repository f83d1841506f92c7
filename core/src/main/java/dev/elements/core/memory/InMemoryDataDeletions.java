package dev.elements.core.memory;

import dev.elements.core.element.ElementKey;
import dev.elements.core.event.DataDeletion;
import dev.elements.core.port.out.DataDeletions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Data deletion records in memory, for embedding in one process and for tests. */
public final class InMemoryDataDeletions implements DataDeletions {
    private final Map<String, DataDeletion> byCode = new ConcurrentHashMap<>();

    @Override
    public void record(DataDeletion deletion) {
        if (byCode.putIfAbsent(deletion.confirmationCode(), deletion) != null) {
            throw new IllegalStateException("confirmation code used twice");
        }
    }

    @Override
    public Optional<DataDeletion> find(ElementKey element, String confirmationCode) {
        return Optional.ofNullable(byCode.get(confirmationCode)).filter(deletion -> deletion.elementKey().equals(element));
    }
}
