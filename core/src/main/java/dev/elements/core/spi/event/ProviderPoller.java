package dev.elements.core.spi.event;

import dev.elements.core.spi.ElementContext;

/**
 * Polling for elements whose instances set {@code event.vendor.type} to {@code polling}: every
 * {@code event.poller.refresh_interval} minutes exactly one node asks the element what is new.
 */
public interface ProviderPoller {
    /**
     * Reads what changed since the request's cursor (or, the first time, since it started).
     *
     * @throws dev.elements.core.oauth.ProviderException classified as for hub calls; {@code INVALID_TOKEN}
     *     makes the instance {@code NEEDS_REAUTH}, an outage leaves the cursor where it was
     */
    PollResult poll(PollRequest request, ElementContext context);
}
