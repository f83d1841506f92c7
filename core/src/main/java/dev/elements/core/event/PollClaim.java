package dev.elements.core.event;

import static java.util.Objects.requireNonNull;

import dev.elements.core.instance.InstanceId;
import java.time.Instant;

/**
 * A poll one node has claimed.
 *
 * @param instanceId the instance to poll
 * @param cursor what the element returned from the previous poll, or null before the first
 * @param since when polling started for the instance: the first poll reports what is newer
 */
public record PollClaim(InstanceId instanceId, String cursor, Instant since) {
    public PollClaim {
        requireNonNull(instanceId, "instanceId");
        requireNonNull(since, "since");
    }
}
