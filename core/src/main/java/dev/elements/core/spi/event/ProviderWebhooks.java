package dev.elements.core.spi.event;

import dev.elements.core.event.AccountChanges;
import dev.elements.core.event.WebhookRequest;
import dev.elements.core.instance.Configuration;
import java.util.List;
import java.util.Optional;

/**
 * An element's inbound webhooks: the provider calls {@code /events/{elementKey}}. The platform
 * routes each account's changes to the instances whose {@code providerAccountId} it is, checks the
 * delivery against the credentials of those instances, stores the events, and answers the provider
 * at once; the application hears of them later, from the outbox. Implementations hold no state.
 */
public interface ProviderWebhooks {
    /**
     * A subscription handshake ({@code GET /events/{elementKey}}).
     *
     * @param configuration the element's effective configuration (defaults and operator overrides),
     *     where the operator's verify token is
     * @return the body to answer with 200 when the request proves it is the provider's subscription
     *     of this platform; empty (the platform answers 403) otherwise. Compare secrets in constant time.
     */
    Optional<String> handshake(WebhookRequest request, Configuration configuration);

    /**
     * Reads a delivery ({@code POST /events/{elementKey}}) without trusting it yet: which accounts it
     * concerns and what changed for each.
     *
     * @throws dev.elements.core.error.PlatformException {@code MALFORMED_REQUEST} when the body is not
     *     a delivery of this provider
     */
    List<AccountChanges> parse(WebhookRequest request);

    /**
     * Whether the delivery carries a signature at all, before any key is tried: an unsigned delivery
     * is refused even when no instance and no operator secret could check a signature.
     */
    boolean signed(WebhookRequest request);

    /**
     * Whether the delivery is signed with the application credentials in {@code configuration} (an
     * instance's effective configuration, secrets included). Compare in constant time; an unsigned
     * delivery is never authentic.
     */
    boolean authentic(WebhookRequest request, Configuration configuration);
}
