package dev.elements.core.spi.event;

import static java.util.Objects.requireNonNull;

import dev.elements.core.event.ProviderEvent;
import dev.elements.core.json.JsonValue;
import java.util.List;

/**
 * What one poll found.
 *
 * @param events the changes not reported before, oldest first; empty when nothing is new
 * @param raw the provider's answer the events come from, cut down to them, for {@code message.raw}
 * @param cursor what the next poll must be given so that it reports nothing twice
 */
public record PollResult(List<ProviderEvent> events, JsonValue raw, String cursor) {
    public PollResult {
        events = List.copyOf(events);
        requireNonNull(raw, "raw");
        requireNonNull(cursor, "cursor");
    }
}
