package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.event.EventId;
import dev.elements.core.event.OutboxEvent;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.in.ManageEventsUseCase;
import dev.elements.core.port.out.EventOutbox;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.tenant.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** An organization's view of its instances' events, and the redelivery of parked ones. */
final class InstanceEventsService implements ManageEventsUseCase {
    static final int MAX_LIMIT = 200;

    private final InstanceRepository instances;
    private final EventOutbox outbox;
    private final Clock clock;

    InstanceEventsService(InstanceRepository instances, EventOutbox outbox, Clock clock) {
        this.instances = requireNonNull(instances, "instances");
        this.outbox = requireNonNull(outbox, "outbox");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public List<OutboxEvent> recent(Principal caller, InstanceId instance, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new PlatformException(ErrorCode.INVALID_FIELD, "limit must be between 1 and " + MAX_LIMIT);
        }
        Instance owned = InstanceService.owned(instances, caller, instance);
        return outbox.recent(owned.organizationId(), owned.id(), limit);
    }

    @Override
    public OutboxEvent redeliver(Principal caller, InstanceId instance, EventId event) {
        requireNonNull(event, "event");
        Instance owned = InstanceService.owned(instances, caller, instance);
        boolean pendingAgain = outbox.redeliver(owned.organizationId(), owned.id(), event, clock.instant());
        OutboxEvent found = outbox.find(owned.organizationId(), owned.id(), event)
                .orElseThrow(() -> new PlatformException(ErrorCode.RESOURCE_NOT_FOUND,
                        "No event " + event + " on instance " + instance));
        if (!pendingAgain) {
            throw new PlatformException(ErrorCode.EVENT_NOT_PARKED, "Event " + event + " is "
                    + found.state().name().toLowerCase(Locale.ROOT)
                    + "; only a parked event is sent again");
        }
        return found;
    }
}
