package dev.elements.http;

import dev.elements.core.port.in.InstanceDescription;
import java.util.List;
import java.util.Map;

/**
 * An instance as Cloud Elements shows it. The element token appears in full only in the answer
 * that created it; every secret configuration value is masked.
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
        Map<String, String> configuration,
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
                instance.tags(), List.of(), instance.valid(), instance.disabled(), 0, 0, instance.configuration(),
                instance.eventsEnabled(),
                false, false, new Owner(instance.ownerId().value(), instance.ownerEmail()),
                UserView.date(instance.createdAt()),
                instance.status().name(), instance.statusReason());
    }

    record Owner(long id, String emailAddress) {
    }
}
