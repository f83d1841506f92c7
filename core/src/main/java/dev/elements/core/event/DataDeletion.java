package dev.elements.core.event;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementKey;
import java.time.Instant;

/**
 * A provider user's request that the platform delete their data (Facebook's data deletion
 * callback), as its status page shows it. It keeps no provider user id: only what was done.
 *
 * @param confirmationCode the unguessable code the provider shows the user
 * @param elementKey the element the request came through
 * @param requestedAt when it arrived
 * @param instancesCleared how many instances had their provider credentials removed
 * @param eventsDeleted how many stored events of those instances were deleted
 */
public record DataDeletion(String confirmationCode, ElementKey elementKey, Instant requestedAt,
        int instancesCleared, int eventsDeleted) {
    public DataDeletion {
        requireNonNull(confirmationCode, "confirmationCode");
        requireNonNull(elementKey, "elementKey");
        requireNonNull(requestedAt, "requestedAt");
    }
}
