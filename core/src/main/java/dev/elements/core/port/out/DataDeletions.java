package dev.elements.core.port.out;

import dev.elements.core.element.ElementKey;
import dev.elements.core.event.DataDeletion;
import java.util.Optional;

/** The record of data deletions done at providers' users' request, for their status pages. */
public interface DataDeletions {
    void record(DataDeletion deletion);

    Optional<DataDeletion> find(ElementKey element, String confirmationCode);
}
