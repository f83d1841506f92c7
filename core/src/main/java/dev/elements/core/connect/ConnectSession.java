package dev.elements.core.connect;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementKey;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.Sealed;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A hosted connect session: an application's request that one of its users connect an account,
 * completed in the user's browser on the platform's own pages. What would make the instance is
 * kept here until the user comes back from the provider; the configuration (which may hold the
 * application's client secret) only sealed.
 *
 * @param id random and unguessable: it is the page's address
 * @param owner the user who made the session, who will own the instance
 * @param name the instance's name, or null for the element's
 * @param redirectUrl where the browser goes when it is over
 * @param configuration the instance's configuration, sealed
 * @param state the login's OAuth {@code state}: random, separate from the id, good once
 * @param stateUsed whether a callback took the state already
 * @param instance the instance made, once connected
 * @param elementToken the new instance's element token, sealed, until its first read
 * @param failure why it failed, once failed
 */
public record ConnectSession(String id, OrganizationId organization, UserId owner, ElementKey element, String name,
        List<String> tags, String redirectUrl, Sealed configuration, String state, boolean stateUsed,
        ConnectSessionStatus status, InstanceId instance, Sealed elementToken, ConnectFailure failure,
        Instant createdAt, Instant expiresAt) {

    public ConnectSession {
        requireNonNull(id, "id");
        requireNonNull(organization, "organization");
        requireNonNull(owner, "owner");
        requireNonNull(element, "element");
        tags = List.copyOf(tags);
        requireNonNull(redirectUrl, "redirectUrl");
        requireNonNull(configuration, "configuration");
        requireNonNull(state, "state");
        requireNonNull(status, "status");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether its login can no longer complete at {@code now}. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The secrets stay out of logs. */
    @Override
    public String toString() {
        return "ConnectSession[organization=" + organization + ", element=" + element + ", status=" + status + "]";
    }
}
