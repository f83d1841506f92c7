package dev.elements.core.port.in;

import static java.util.Objects.requireNonNull;

import dev.elements.core.instance.InstanceId;
import java.util.Optional;

/**
 * The answer of a hub call.
 *
 * @param instanceId the instance that answered ({@code Elements-Element-Instance-Id})
 * @param status the status
 * @param body the JSON body, nulls removed unless the instance says otherwise
 * @param returnedCount {@code Elements-Returned-Count}
 * @param nextPageToken {@code Elements-Next-Page-Token}, or null on the last page; opaque, and
 *     useless to any other instance
 */
public record HubResponse(InstanceId instanceId, int status, byte[] body, int returnedCount, String nextPageToken) {
    public HubResponse {
        requireNonNull(instanceId, "instanceId");
        body = requireNonNull(body, "body").clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public Optional<String> nextPage() {
        return Optional.ofNullable(nextPageToken);
    }

    @Override
    public String toString() {
        return "HubResponse[instance=" + instanceId + ", status=" + status + ", items=" + returnedCount + "]";
    }
}
