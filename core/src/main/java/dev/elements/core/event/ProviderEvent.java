package dev.elements.core.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One change the provider reported, as the application receives it in {@code message.events[]}.
 *
 * @param objectType what changed, in the provider's words ({@code post}, {@code comment}, {@code feed})
 * @param objectId the provider's id of it, or null when the provider named none
 * @param eventType what happened to it
 * @param eventDate when the provider says it happened (the delivery's time when it says nothing)
 */
public record ProviderEvent(String objectType, String objectId, EventType eventType, Instant eventDate) {
    public ProviderEvent {
        requireNonNull(objectType, "objectType");
        requireNonNull(eventType, "eventType");
        requireNonNull(eventDate, "eventDate");
    }
}
