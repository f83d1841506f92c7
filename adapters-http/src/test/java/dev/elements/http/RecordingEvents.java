package dev.elements.http;

import dev.elements.core.element.ElementKey;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.event.DataDeletion;
import dev.elements.core.event.DeliveryState;
import dev.elements.core.event.EventId;
import dev.elements.core.event.OutboxEvent;
import dev.elements.core.event.WebhookRequest;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.in.ManageEventsUseCase;
import dev.elements.core.port.in.ReceiveProviderEventsUseCase;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The events use cases for the HTTP adapter's tests: they record what the routes pass in and answer
 * as the contracts of {@link ReceiveProviderEventsUseCase} and {@link ManageEventsUseCase} say, by
 * simple rules, so that each route's statuses and shapes are checked without the services.
 */
final class RecordingEvents implements ReceiveProviderEventsUseCase, ManageEventsUseCase {
    /** The elements that take events here; any other key is an unknown element (404). */
    static final Set<String> ELEMENTS = Set.of("scripted");
    static final String VERIFY_TOKEN = "the-verify-token";
    /** A signed notice the use case refuses as forged. */
    static final String FORGED = "forged.notice";
    /** Redelivered as a parked event of whichever instance names it: for routes checked on fresh instances. */
    static final EventId PARKED_EVERYWHERE = new EventId("0123456789abcdef0123456789abcdef");

    final List<WebhookRequest> handshakes = new CopyOnWriteArrayList<>();
    final List<WebhookRequest> deliveries = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();
    final List<Integer> limits = new CopyOnWriteArrayList<>();
    final List<InstanceId> listed = new CopyOnWriteArrayList<>();
    final List<OutboxEvent> stored = new CopyOnWriteArrayList<>();
    final Map<String, DataDeletion> deletions = new ConcurrentHashMap<>();
    volatile int accepted = 1;
    volatile DataDeletion nextDeletion;

    int calls() {
        return handshakes.size() + deliveries.size() + notices.size() + limits.size();
    }

    @Override
    public Optional<String> handshake(ElementKey element, WebhookRequest request) {
        known(element);
        handshakes.add(request);
        return VERIFY_TOKEN.equals(request.queryParameter("hub.verify_token"))
                ? Optional.ofNullable(request.queryParameter("hub.challenge"))
                : Optional.empty();
    }

    @Override
    public int receive(ElementKey element, WebhookRequest request) {
        known(element);
        deliveries.add(request);
        if (request.header("X-Hub-Signature-256") == null) {
            throw new PlatformException(ErrorCode.INVALID_CREDENTIALS, "The delivery is not signed");
        }
        return accepted;
    }

    @Override
    public int deauthorize(ElementKey element, String signedNotice) {
        known(element);
        notices.add(signedNotice);
        refuseForged(signedNotice);
        return 1;
    }

    @Override
    public DataDeletion deleteData(ElementKey element, String signedNotice) {
        known(element);
        notices.add(signedNotice);
        refuseForged(signedNotice);
        DataDeletion deletion = nextDeletion != null ? nextDeletion
                : new DataDeletion(EventId.random().value(), element, Instant.parse("2026-01-02T03:04:05Z"), 2, 7);
        deletions.put(deletion.confirmationCode(), deletion);
        return deletion;
    }

    @Override
    public Optional<DataDeletion> dataDeletion(ElementKey element, String confirmationCode) {
        known(element);
        return Optional.ofNullable(deletions.get(confirmationCode))
                .filter(deletion -> deletion.elementKey().equals(element));
    }

    @Override
    public List<OutboxEvent> recent(Principal caller, InstanceId instance, int limit) {
        limits.add(limit);
        listed.add(instance);
        return stored.stream().filter(event -> event.instanceId().equals(instance)).limit(limit).toList();
    }

    @Override
    public OutboxEvent redeliver(Principal caller, InstanceId instance, EventId event) {
        listed.add(instance);
        if (event.equals(PARKED_EVERYWHERE)) {
            return event(caller.organizationId(), instance, event, DeliveryState.PENDING);
        }
        OutboxEvent found = stored.stream()
                .filter(candidate -> candidate.instanceId().equals(instance) && candidate.id().equals(event))
                .findFirst()
                .orElseThrow(() -> new PlatformException(ErrorCode.RESOURCE_NOT_FOUND, "No event with that id"));
        if (found.state() != DeliveryState.PARKED) {
            throw new PlatformException(ErrorCode.EVENT_NOT_PARKED, "Only a parked event can be redelivered");
        }
        return event(found.organizationId(), instance, event, DeliveryState.PENDING);
    }

    /** An event of the scripted element with a small notification, in {@code state}. */
    static OutboxEvent event(OrganizationId organization, InstanceId instance, EventId id, DeliveryState state) {
        Instant created = Instant.parse("2026-03-04T05:06:07.891Z");
        boolean parked = state == DeliveryState.PARKED;
        return new OutboxEvent(id, organization, instance, ElementKey.of("scripted"), created,
                "https://app.example/events", "{\"eventId\":\"" + id + "\",\"instanceId\":" + instance.value()
                        + ",\"message\":{\"events\":[],\"raw\":{\"é\":\"ü\"}}}",
                "sha256=c2lnbmF0dXJl", state, parked ? 9 : 0, state == DeliveryState.PENDING ? created : null,
                state == DeliveryState.DELIVERED ? created.plusSeconds(1) : null, parked ? "HTTP 500" : null);
    }

    private static void known(ElementKey element) {
        if (!ELEMENTS.contains(element.value())) {
            throw new PlatformException(ErrorCode.ELEMENT_NOT_FOUND, "No element " + element.value());
        }
    }

    private static void refuseForged(String signedNotice) {
        if (signedNotice.equals(FORGED)) {
            throw new PlatformException(ErrorCode.INVALID_CREDENTIALS, "The signed request does not verify");
        }
    }
}
