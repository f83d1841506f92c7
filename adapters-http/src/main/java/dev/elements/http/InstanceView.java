package dev.elements.http;

import dev.elements.core.port.in.InstanceDescription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An instance as Cloud Elements shows it. The element token appears in full only in the answer
 * that created it (unless the operator turned on read-back); every secret configuration value is
 * masked. {@code user} is the owner as Cloud Elements' instance JSON shows it.
 */
record InstanceView(
        long id,
        String name,
        String token,
        ElementView element,
        List<String> tags,
        List<Object> provisionInteractions,
        boolean valid,
        boolean disabled,
        int maxCacheSize,
        int cacheTimeToLive,
        Map<String, Object> configuration,
        boolean eventsEnabled,
        boolean cachingEnabled,
        boolean traceLoggingEnabled,
        Owner user,
        String createdDate,
        String status,
        String statusReason) {

    static InstanceView of(InstanceDescription instance) {
        return new InstanceView(instance.id().value(), instance.name(),
                instance.token().orElse(InstanceDescription.MASK), ElementView.embedded(instance.element()),
                instance.tags(), List.of(), instance.valid(), instance.disabled(), 0, 0, configuration(instance),
                instance.eventsEnabled(),
                false, false, Owner.of(instance.owner()),
                UserView.date(instance.createdAt()),
                instance.status().name(), instance.statusReason());
    }

    /**
     * The configuration, each value as stored, except that a value the application sent as a JSON
     * object or array under a key the element does not declare goes back as that JSON, as it came.
     */
    private static Map<String, Object> configuration(InstanceDescription instance) {
        Map<String, Object> shown = new LinkedHashMap<>();
        instance.configuration().forEach((key, value) -> shown.put(key,
                instance.element().entry(key).isEmpty() ? StructuredValues.parsed(value) : value));
        return shown;
    }

    record Owner(long id, String emailAddress, String firstName, String lastName) {
        static Owner of(InstanceDescription.Owner owner) {
            return new Owner(owner.id().value(), owner.emailAddress(), owner.firstName(), owner.lastName());
        }
    }
}
