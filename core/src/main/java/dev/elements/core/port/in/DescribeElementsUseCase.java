package dev.elements.core.port.in;

import dev.elements.core.element.ElementDefinition;
import java.util.List;

/** Browsing the elements this platform offers. */
public interface DescribeElementsUseCase {
    List<ElementDefinition> elements();

    /** @throws dev.elements.core.error.PlatformException {@code ELEMENT_NOT_FOUND} */
    ElementDefinition element(String keyOrId);
}
