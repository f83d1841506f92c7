package dev.elements.core.port.in;

import dev.elements.core.event.EventId;
import dev.elements.core.event.OutboxEvent;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.tenant.Principal;
import java.util.List;

/** An application's view of its instances' events, with the same access rules as the instances. */
public interface ManageEventsUseCase {
    /** The newest first, at most {@code limit} (1 to 200). {@code INSTANCE_NOT_FOUND} as for reads. */
    List<OutboxEvent> recent(Principal caller, InstanceId instance, int limit);

    /**
     * Sends a parked event again, from its first attempt.
     *
     * @return the event, pending again
     * @throws dev.elements.core.error.PlatformException {@code INSTANCE_NOT_FOUND} or
     *     {@code RESOURCE_NOT_FOUND} (404) for an unknown one; {@code CONFLICT}-typed
     *     {@code EVENT_NOT_PARKED} (409) when it is not parked
     */
    OutboxEvent redeliver(Principal caller, InstanceId instance, EventId event);
}
