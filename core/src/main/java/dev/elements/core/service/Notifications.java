package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.event.DeliveryState;
import dev.elements.core.event.EventId;
import dev.elements.core.event.OutboxEvent;
import dev.elements.core.event.ProviderEvent;
import dev.elements.core.instance.Configuration;
import dev.elements.core.instance.Instance;
import dev.elements.core.json.JsonArray;
import dev.elements.core.json.JsonObject;
import dev.elements.core.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns an instance's provider events into the notifications its application receives, as the
 * outbox keeps them: the body fixed byte for byte and signed once, so every attempt, on any node,
 * sends the same bytes and no signing key is stored with them.
 *
 * <p>The body is {@code {"eventId", "instanceId", "elementKey", "message": {"events": [...], "raw":
 * ...}}}, each event {@code {"objectType", "objectId", "eventType", "elementKey", "eventDate"}}.
 * Like Cloud Elements, a long list is split into several notifications, each repeating the raw body.
 */
final class Notifications {
    /** Cloud Elements' most events per notification: 20 from webhooks, 10 from polling. */
    static final int WEBHOOK_BATCH = 20;
    static final int POLLING_BATCH = 10;
    private static final String SIGNATURE_ALGORITHM = "HmacSHA256";

    private Notifications() {
    }

    /**
     * The notifications for {@code events}, or none when the instance does not want events
     * ({@code event.notification.enabled} false) or {@code events} is empty.
     *
     * @param configuration the instance's effective configuration, secrets included
     */
    static List<OutboxEvent> compose(Instance instance, Configuration configuration, List<ProviderEvent> events,
            JsonValue raw, int batch, Instant now) {
        requireNonNull(instance, "instance");
        requireNonNull(raw, "raw");
        if (events.isEmpty() || !configuration.flag(CommonConfiguration.EVENTS_ENABLED, false)) {
            return List.of();
        }
        String callbackUrl = configuration.get(CommonConfiguration.EVENT_CALLBACK_URL)
                .filter(url -> !url.isBlank()).orElse(null);
        String signatureKey = configuration.get(CommonConfiguration.EVENT_SIGNATURE_KEY)
                .filter(key -> !key.isEmpty()).orElse(null);
        List<OutboxEvent> notifications = new ArrayList<>();
        for (int start = 0; start < events.size(); start += batch) {
            EventId id = EventId.random();
            String body = body(id, instance, events.subList(start, Math.min(events.size(), start + batch)), raw);
            notifications.add(new OutboxEvent(id, instance.organizationId(), instance.id(), instance.elementKey(), now,
                    callbackUrl, body, signatureKey == null ? null : signature(signatureKey, body),
                    callbackUrl == null ? DeliveryState.NO_CALLBACK : DeliveryState.PENDING, 0,
                    callbackUrl == null ? null : now, null, null));
        }
        return notifications;
    }

    /** {@code Elements-Webhook-Signature}: {@code sha256=} and the base64 HMAC-SHA256 of the body with the key. */
    static String signature(String key, String body) {
        try {
            Mac mac = Mac.getInstance(SIGNATURE_ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), SIGNATURE_ALGORITHM));
            return "sha256=" + Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + SIGNATURE_ALGORITHM, e);
        }
    }

    private static String body(EventId id, Instance instance, List<ProviderEvent> events, JsonValue raw) {
        List<JsonValue> items = events.stream().map(event -> (JsonValue) event(event, instance)).toList();
        return JsonObject.builder()
                .put("eventId", id.value())
                .put("instanceId", instance.id().value())
                .put("elementKey", instance.elementKey().value())
                .put("message", JsonObject.builder()
                        .put("events", JsonArray.of(items))
                        .put("raw", raw)
                        .build())
                .build()
                .toJson();
    }

    private static JsonObject event(ProviderEvent event, Instance instance) {
        JsonObject.Builder item = JsonObject.builder()
                .put("objectType", event.objectType());
        if (event.objectId() != null) {
            item.put("objectId", event.objectId());
        }
        return item.put("eventType", event.eventType().name())
                .put("elementKey", instance.elementKey().value())
                .put("eventDate", event.eventDate().toString())
                .build();
    }
}
