package dev.elements.core.port.in;

import java.time.Duration;

/**
 * The background work of events: delivering the outbox to applications' callbacks, with retries
 * after 4 s, 16 s, 64 s, ... (4^n s) and parking after the ninth failed attempt; and polling the
 * instances that poll. Nodes sharing storage share the work through its leases.
 */
public interface DeliverEventsUseCase {
    /**
     * Looks for due deliveries and polls every {@code period}.
     *
     * @return stops the work when closed, after the attempts under way end
     */
    AutoCloseable startBackground(Duration period);

    /** Makes every delivery attempt due now, once; returns how many were attempted. For tests and tools. */
    int deliverDue();

    /** Runs every poll due now, once; returns how many instances were polled. For tests and tools. */
    int pollDue();
}
