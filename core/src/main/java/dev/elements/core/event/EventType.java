package dev.elements.core.event;

/** What happened to a provider object, in Cloud Elements' normalised vocabulary. */
public enum EventType {
    CREATED,
    UPDATED,
    DELETED,
    /** The provider reported a change the element cannot name (a new verb, a field change without one). */
    UNKNOWN
}
