package dev.elements.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.ResourceDefinition;
import dev.elements.core.port.in.InstanceDescription;
import java.util.List;

/**
 * An element as Cloud Elements shows it. The full form ({@code GET /elements/{key}}) lists its
 * configuration entries and hub resources; the form embedded in an instance has neither.
 */
record ElementView(
        long id,
        String name,
        String key,
        String description,
        String image,
        boolean active,
        boolean deleted,
        boolean typeOauth,
        boolean trialAccount,
        String configDescription,
        @JsonProperty("signupURL") String signupUrl,
        boolean transformationsEnabled,
        Authentication authentication,
        String hub,
        List<String> parameters,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Entry> configuration,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Resource> resources) {

    static ElementView full(ElementDefinition element) {
        return of(element, element.configuration().stream().map(Entry::of).toList(),
                element.resources().stream().map(resource -> Resource.of(element.hub(), resource)).toList());
    }

    static ElementView embedded(ElementDefinition element) {
        return of(element, null, null);
    }

    private static ElementView of(ElementDefinition element, List<Entry> configuration, List<Resource> resources) {
        return new ElementView(element.id(), element.name(), element.key().value(), element.description(),
                element.image(), true, false, element.typeOauth(), element.trialAccount(),
                element.configDescription(), element.signupUrl(), false,
                new Authentication(element.authenticationType()), element.hub(), List.of(), configuration,
                resources);
    }

    record Authentication(String type) {
    }

    /** A configuration entry; a secret entry never shows a value, not even its default. */
    record Entry(long id, String key, String name, String description, String defaultValue, String type,
            boolean required, boolean hideFromConsole) {

        static Entry of(ConfigurationEntry entry) {
            String shownDefault = entry.secret() && entry.defaultValue() != null
                    ? InstanceDescription.MASK
                    : entry.defaultValue();
            return new Entry(entry.id(), entry.key(), entry.name(), entry.description(), shownDefault,
                    entry.type().name(), entry.required(), entry.hideFromConsole());
        }
    }

    /** A hub operation, with the path an application calls. */
    record Resource(String path, String method, String vendorPath, String vendorMethod, String description) {
        static Resource of(String hub, ResourceDefinition resource) {
            return new Resource("/hubs/" + hub + "/" + resource.path(), resource.method(), resource.vendorPath(),
                    resource.vendorMethod(), resource.description());
        }
    }
}
