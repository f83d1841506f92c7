package dev.elements.core.port.in;

import dev.elements.core.element.ElementKey;
import dev.elements.core.event.DataDeletion;
import dev.elements.core.event.WebhookRequest;
import java.util.Optional;

/**
 * What providers send to {@code /events/{elementKey}}. Nobody is logged in: every request proves
 * itself with the provider's signature, made with the application credentials of the instances it
 * concerns. Each method answers as soon as what it accepted is stored; deliveries to applications
 * happen later, from the outbox ({@link DeliverEventsUseCase}).
 *
 * <p>Every method throws {@code ELEMENT_NOT_FOUND} (404) for an unknown element or one without the
 * capability the request needs.
 */
public interface ReceiveProviderEventsUseCase {
    /**
     * A subscription handshake.
     *
     * @return the body of the 200 answer; empty when the verify token is wrong or missing (403)
     */
    Optional<String> handshake(ElementKey element, WebhookRequest request);

    /**
     * A delivery: routes each account's changes to the instances recorded for that account (of every
     * organization), keeps the ones whose credentials verify the signature, and stores one event per
     * instance with notifications enabled, all in one transaction.
     *
     * @return how many events were stored
     * @throws dev.elements.core.error.PlatformException {@code INVALID_CREDENTIALS} (401) when the
     *     delivery is unsigned, or routes to instances none of whose credentials verify it: nothing is
     *     stored; {@code MALFORMED_REQUEST} (400) when it is not a delivery of the provider
     */
    int receive(ElementKey element, WebhookRequest request);

    /**
     * The provider's user removed the application: every instance of the element recorded for that
     * user, whose credentials verify the notice, turns {@code NEEDS_REAUTH}.
     *
     * @return how many instances changed
     * @throws dev.elements.core.error.PlatformException {@code INVALID_CREDENTIALS} (401) for a forged,
     *     unsigned or wrongly signed notice; {@code MALFORMED_REQUEST} (400) for one that is not a notice
     */
    int deauthorize(ElementKey element, String signedNotice);

    /**
     * The provider's user asked for their data to be deleted: the stored provider credentials of each
     * instance recorded for that user (whose credentials verify the notice) are removed, the instance
     * turns {@code NEEDS_REAUTH}, and its stored events are deleted.
     *
     * @return what was done, with the confirmation code for the provider
     * @throws dev.elements.core.error.PlatformException as {@link #deauthorize}
     */
    DataDeletion deleteData(ElementKey element, String signedNotice);

    /** A data deletion, for its status page. */
    Optional<DataDeletion> dataDeletion(ElementKey element, String confirmationCode);
}
