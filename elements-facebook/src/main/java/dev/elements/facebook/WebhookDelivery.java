package dev.elements.facebook;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.event.AccountChanges;
import dev.elements.core.event.EventType;
import dev.elements.core.event.ProviderEvent;
import dev.elements.core.json.Json;
import dev.elements.core.json.JsonArray;
import dev.elements.core.json.JsonObject;
import dev.elements.core.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a webhook body, {@code {"object": "page", "entry": [{"id", "time", "changes": [{"field",
 * "value": {"item", "verb", "post_id", ...}}]}]}} (or, in older user subscriptions, {@code
 * "changed_fields": [...]} instead of {@code changes}), into the changes of each account. Facebook
 * batches entries of different users and pages in one body, so each account's raw payload keeps only
 * its own entries: an application must never see another organization's.
 */
final class WebhookDelivery {
    /** Far more than Facebook batches; a body with more is not Facebook's, and its work stays bounded. */
    static final int MAX_ENTRIES = 1_000;
    static final int MAX_CHANGES_PER_ENTRY = 100;
    /** The value's id members, the most specific first: a comment's post is not what changed. */
    private static final List<String> ID_MEMBERS = List.of("comment_id", "photo_id", "video_id", "post_id", "id");

    private WebhookDelivery() {
    }

    /** @throws PlatformException {@code MALFORMED_REQUEST} when the body is no Facebook delivery, or too large a one */
    static List<AccountChanges> read(byte[] body) {
        JsonValue delivery = Json.tryParse(body).orElseThrow(() -> malformed("the body is not JSON"));
        if (!(delivery.path("entry") instanceof JsonArray entries)) {
            throw malformed("the body has no entry array");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw malformed("it has more than " + MAX_ENTRIES + " entries");
        }
        JsonValue object = delivery.path("object");
        Map<String, List<JsonValue>> entriesByAccount = new LinkedHashMap<>();
        Map<String, List<ProviderEvent>> eventsByAccount = new LinkedHashMap<>();
        for (JsonValue entry : entries.items()) {
            String accountId = entry.path("id").textIfAny()
                    .orElseThrow(() -> malformed("an entry names no user or page (entry[].id)"));
            entriesByAccount.computeIfAbsent(accountId, id -> new ArrayList<>()).add(entry);
            eventsByAccount.computeIfAbsent(accountId, id -> new ArrayList<>())
                    .addAll(events(entry, accountId, object.textOr("unknown")));
        }
        List<AccountChanges> changes = new ArrayList<>();
        entriesByAccount.forEach((accountId, own) -> {
            JsonObject.Builder raw = JsonObject.builder();
            if (object.isValue()) {
                raw.put("object", object);
            }
            changes.add(new AccountChanges(accountId, raw.put("entry", JsonArray.of(own)).build(),
                    eventsByAccount.get(accountId)));
        });
        return changes;
    }

    private static List<ProviderEvent> events(JsonValue entry, String accountId, String object) {
        Instant entryTime = GraphTimes.read(entry.path("time")).orElse(Instant.EPOCH);
        List<ProviderEvent> events = new ArrayList<>();
        if (entry.path("changes") instanceof JsonArray changes) {
            checkBound(changes);
            for (JsonValue change : changes.items()) {
                events.add(event(change, object, entryTime));
            }
        }
        if (entry.path("changed_fields") instanceof JsonArray fields) {
            checkBound(fields);
            // The old user subscriptions named the fields that changed, and nothing else.
            for (JsonValue field : fields.items()) {
                events.add(new ProviderEvent(field.textOr(object), accountId, EventType.UPDATED, entryTime));
            }
        }
        return events;
    }

    private static void checkBound(JsonArray changes) {
        if (changes.size() > MAX_CHANGES_PER_ENTRY) {
            throw malformed("an entry has more than " + MAX_CHANGES_PER_ENTRY + " changes");
        }
    }

    /** A page feed change says what ({@code item}) and how ({@code verb}); a field change without them is the field's. */
    private static ProviderEvent event(JsonValue change, String object, Instant entryTime) {
        JsonValue value = change.path("value");
        String field = change.path("field").textIfAny().orElse(object);
        String objectType = value.path("item").textIfAny().orElse(field);
        Instant eventDate = GraphTimes.read(value.path("created_time")).orElse(entryTime);
        return new ProviderEvent(objectType, objectId(value, objectType), eventType(value.path("verb")), eventDate);
    }

    private static String objectId(JsonValue value, String objectType) {
        // A photo or video post carries post_id too: the item's own id names what changed.
        String own = value.path(objectType + "_id").textIfAny().orElse(null);
        if (own != null) {
            return own;
        }
        return ID_MEMBERS.stream().map(member -> value.path(member).textIfAny().orElse(null))
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static EventType eventType(JsonValue verb) {
        return switch (verb.textOr("").toLowerCase(Locale.ROOT)) {
            case "add" -> EventType.CREATED;
            case "edited", "edit", "update" -> EventType.UPDATED;
            case "remove", "delete", "hide" -> EventType.DELETED;
            default -> EventType.UNKNOWN;
        };
    }

    private static PlatformException malformed(String why) {
        return new PlatformException(ErrorCode.MALFORMED_REQUEST,
                "The body is not a Facebook webhook delivery: " + why);
    }
}
