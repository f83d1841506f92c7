package dev.elements.http;

import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.port.in.InstanceDescription;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
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
                instance.tags(), List.of(), instance.valid(), instance.disabled(), 0, 0, masked(instance), instance.eventsEnabled(),
                false, false, new Owner(instance.ownerId().value(), instance.ownerEmail()),
                DateTimeFormatter.ISO_INSTANT.format(instance.createdAt().truncatedTo(ChronoUnit.MILLIS)),
                instance.status().name(), instance.statusReason());
    }

    /** Core masks already; masking again here keeps a slip there from reaching a client. */
    private static Map<String, String> masked(InstanceDescription instance) {
        Map<String, String> shown = new LinkedHashMap<>();
        instance.configuration().forEach((key, value) -> {
            boolean secret = instance.element().entry(key).map(ConfigurationEntry::secret).orElse(false);
            shown.put(key, secret && value != null ? InstanceDescription.MASK : value);
        });
        return shown;
    }

    record Owner(long id, String emailAddress) {
    }
}
