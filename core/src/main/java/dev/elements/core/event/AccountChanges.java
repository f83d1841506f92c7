package dev.elements.core.event;

import static java.util.Objects.requireNonNull;

import dev.elements.core.json.JsonValue;
import java.util.List;

/**
 * What one provider delivery (or one poll) says about one provider account. {@code raw} holds only
 * this account's part of the provider's payload, because a provider batches accounts of different
 * organizations into one delivery and an application must never see another's.
 *
 * @param accountId the provider's id of the user or page, as recorded on the instance at provisioning
 *     ({@code Instance.providerAccountId()})
 * @param raw the provider's payload cut down to this account, sent to the application as {@code message.raw}
 * @param events the changes, normalised
 */
public record AccountChanges(String accountId, JsonValue raw, List<ProviderEvent> events) {
    public AccountChanges {
        requireNonNull(accountId, "accountId");
        requireNonNull(raw, "raw");
        events = List.copyOf(events);
    }
}
