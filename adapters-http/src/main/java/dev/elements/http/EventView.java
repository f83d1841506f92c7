package dev.elements.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.elements.core.event.OutboxEvent;
import java.time.Instant;

/**
 * An event as its application sees it: where its delivery stands, and the notification it is (the
 * body POSTed to the callback, as JSON). The signature is left out: it is a keyed digest the
 * application computes itself.
 */
record EventView(
        String id,
        long instanceId,
        String elementKey,
        String createdDate,
        String state,
        int attempts,
        @JsonInclude(JsonInclude.Include.NON_NULL) String nextAttemptDate,
        @JsonInclude(JsonInclude.Include.NON_NULL) String deliveredDate,
        @JsonInclude(JsonInclude.Include.NON_NULL) String lastError,
        @JsonInclude(JsonInclude.Include.NON_NULL) String callbackUrl,
        JsonNode notification) {

    static EventView of(OutboxEvent event, ObjectMapper mapper) {
        return new EventView(event.id().value(), event.instanceId().value(), event.elementKey().value(),
                UserView.date(event.createdAt()), event.state().name(), event.attempts(),
                date(event.nextAttemptAt()), date(event.deliveredAt()), event.lastError(), event.callbackUrl(),
                notification(event, mapper));
    }

    private static String date(Instant instant) {
        return instant == null ? null : UserView.date(instant);
    }

    /** The outbox keeps the body the platform composed as JSON; one that is not is our bug. */
    private static JsonNode notification(OutboxEvent event, ObjectMapper mapper) {
        try {
            return mapper.readTree(event.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored notification of event " + event.id() + " is not JSON", e);
        }
    }
}
