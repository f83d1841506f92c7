package dev.elements.http;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.ResourceDefinition;
import java.util.List;

/**
 * {@code GET /elements/{keyOrId}/metadata}: {@code id, key, name, description} and {@code events}
 * as Cloud Elements answered it (churros' {@code element.metadata.schema.json} requires these), with
 * the element's hub resources, their verbs, and whether each pages (by {@code pageSize} and the
 * {@code nextPage} token, or a {@code page} number) and takes a CEQL {@code where}.
 */
record ElementMetadataView(long id, String key, String name, String description, String hub, Events events,
        List<Resource> resources) {

    static ElementMetadataView of(ElementDefinition element) {
        return new ElementMetadataView(element.id(), element.key().value(), element.name(), element.description(),
                element.hub(), Events.of(element),
                element.resources().stream().map(resource -> Resource.of(element.hub(), resource)).toList());
    }

    /**
     * Whether the element tells of provider changes, and how: the default of its
     * {@code event.vendor.type} entry ({@code webhook} or {@code polling}), none without one.
     */
    record Events(boolean supported, List<String> methods) {
        static Events of(ElementDefinition element) {
            List<String> methods = element.entry(CommonConfiguration.EVENT_VENDOR_TYPE)
                    .map(ConfigurationEntry::defaultValue).stream().toList();
            return new Events(!methods.isEmpty(), methods);
        }
    }

    /**
     * One hub operation. {@code search} is false: a {@code where} a resource cannot honour is
     * refused, and no resource declares one it can.
     */
    record Resource(String path, String method, String description, boolean paginated, List<String> pagingParameters,
            boolean search) {
        private static final List<String> PAGING = List.of("pageSize", "nextPage", "page");

        static Resource of(String hub, ResourceDefinition resource) {
            return new Resource("/hubs/" + hub + "/" + resource.path(), resource.method(), resource.description(),
                    resource.paged(), resource.paged() ? PAGING : List.of(), false);
        }
    }
}
