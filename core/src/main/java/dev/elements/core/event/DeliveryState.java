package dev.elements.core.event;

/** Where an event's delivery to the application's callback stands. */
public enum DeliveryState {
    /** Waiting for its first attempt or for its next retry. */
    PENDING,
    /** The callback answered 2xx. */
    DELIVERED,
    /** Every attempt failed; it waits for {@code POST /instances/{id}/events/{eventId}/redeliver}. */
    PARKED,
    /** Recorded, but the instance names no callback URL, so nothing is sent. */
    NO_CALLBACK
}
