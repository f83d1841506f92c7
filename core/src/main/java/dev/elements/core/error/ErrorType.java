package dev.elements.core.error;

/**
 * The kind of failure, independent of transport. Every {@link ErrorCode} belongs to exactly one
 * type, and an adapter maps types (never codes) to its own status vocabulary.
 */
public enum ErrorType {
    INVALID_INPUT,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    /** The resource exists, but not for this verb. */
    METHOD_NOT_ALLOWED,
    /** The resource was there once and is no more: the provider removed it. */
    GONE,
    CONFLICT,
    RATE_LIMITED,
    PROVIDER_FAILED,
    PROVIDER_TIMEOUT,
    /** The platform itself cannot serve now (its storage cannot store a write); retrying later may work. */
    UNAVAILABLE,
    INTERNAL
}
