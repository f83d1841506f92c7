package dev.elements.core.event;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementKey;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.tenant.OrganizationId;
import java.time.Instant;

/**
 * One notification for one instance, as the outbox keeps it: the exact bytes the application will
 * receive and their signature are fixed when the event is accepted, so a retry, another node or a
 * redelivery sends the same thing, and no signing key is kept beside them.
 *
 * @param id the event's id, {@code eventId} in the body
 * @param organizationId whose instance it is
 * @param instanceId the instance it concerns
 * @param elementKey the element it came through
 * @param createdAt when the platform accepted it
 * @param callbackUrl where it goes, or null ({@link DeliveryState#NO_CALLBACK})
 * @param body the JSON notification, exactly as it is POSTed
 * @param signature the {@code Elements-Webhook-Signature} header value, or null when the instance has no signature key
 * @param state the delivery's state
 * @param attempts how many attempts were made
 * @param nextAttemptAt when the next attempt is due ({@code PENDING} only, else null)
 * @param deliveredAt when the callback accepted it ({@code DELIVERED} only, else null)
 * @param lastError what the last failed attempt met (a status or a transport failure), never a secret; null if none
 */
public record OutboxEvent(
        EventId id,
        OrganizationId organizationId,
        InstanceId instanceId,
        ElementKey elementKey,
        Instant createdAt,
        String callbackUrl,
        String body,
        String signature,
        DeliveryState state,
        int attempts,
        Instant nextAttemptAt,
        Instant deliveredAt,
        String lastError) {

    public OutboxEvent {
        requireNonNull(id, "id");
        requireNonNull(organizationId, "organizationId");
        requireNonNull(instanceId, "instanceId");
        requireNonNull(elementKey, "elementKey");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(body, "body");
        requireNonNull(state, "state");
    }
}
