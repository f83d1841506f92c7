package dev.elements.facebook;

import dev.elements.core.element.ResourceDefinition;
import java.util.List;

/** The social hub resources, as Cloud Elements exposed them, mapped to Graph paths. */
final class FacebookResources {
    static final List<ResourceDefinition> ALL = List.of();

    private FacebookResources() {
    }
}
