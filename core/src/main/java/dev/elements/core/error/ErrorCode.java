package dev.elements.core.error;

/** What exactly went wrong; the {@link ErrorType} decides how a caller is told. */
public enum ErrorCode {
    MALFORMED_REQUEST(ErrorType.INVALID_INPUT),
    MISSING_FIELD(ErrorType.INVALID_INPUT),
    INVALID_FIELD(ErrorType.INVALID_INPUT),
    /** A hub resource that the element cannot filter was called with a {@code where}. */
    WHERE_NOT_SUPPORTED(ErrorType.INVALID_INPUT),
    MISSING_CONFIGURATION(ErrorType.INVALID_INPUT),
    INVALID_CONFIGURATION(ErrorType.INVALID_INPUT),
    UNKNOWN_ELEMENT_IN_REQUEST(ErrorType.INVALID_INPUT),
    /** The provider refused a code or the application's credentials (used, expired, foreign code). */
    PROVIDER_REJECTED_AUTHORIZATION(ErrorType.INVALID_INPUT),
    /** The provider refused the parameters of a call. */
    PROVIDER_REJECTED_REQUEST(ErrorType.INVALID_INPUT),
    /** No PKCE verifier is kept for the {@code state} a code came with: used, expired or never issued. */
    UNKNOWN_AUTHORIZATION_STATE(ErrorType.INVALID_INPUT),

    MISSING_CREDENTIALS(ErrorType.UNAUTHENTICATED),
    INVALID_CREDENTIALS(ErrorType.UNAUTHENTICATED),
    /** The provider no longer accepts the instance's token; the user must authorize again. */
    PROVIDER_TOKEN_REJECTED(ErrorType.UNAUTHENTICATED),

    NOT_ALLOWED(ErrorType.FORBIDDEN),
    INSTANCE_DISABLED(ErrorType.FORBIDDEN),
    PROVIDER_PERMISSION_DENIED(ErrorType.FORBIDDEN),

    ELEMENT_NOT_FOUND(ErrorType.NOT_FOUND),
    INSTANCE_NOT_FOUND(ErrorType.NOT_FOUND),
    /** No connect session has this id, or it belongs to another organization. */
    CONNECT_SESSION_NOT_FOUND(ErrorType.NOT_FOUND),
    USER_NOT_FOUND(ErrorType.NOT_FOUND),
    RESOURCE_NOT_FOUND(ErrorType.NOT_FOUND),
    PROVIDER_OBJECT_NOT_FOUND(ErrorType.NOT_FOUND),

    OPERATION_NOT_SUPPORTED(ErrorType.METHOD_NOT_ALLOWED),
    /** A hub resource Cloud Elements had whose provider endpoint no longer exists. */
    RESOURCE_REMOVED(ErrorType.GONE),

    IDEMPOTENCY_KEY_REUSED(ErrorType.CONFLICT),
    CONCURRENT_UPDATE(ErrorType.CONFLICT),
    ALREADY_EXISTS(ErrorType.CONFLICT),
    LAST_ADMINISTRATOR(ErrorType.CONFLICT),
    /** Only a parked event can be redelivered; a pending one is still being tried. */
    EVENT_NOT_PARKED(ErrorType.CONFLICT),

    PROVIDER_RATE_LIMITED(ErrorType.RATE_LIMITED),
    /** The platform holds calls back because the application's provider budget is nearly used up. */
    USAGE_BUDGET_EXHAUSTED(ErrorType.RATE_LIMITED),
    /** A source address or a presented secret failed to authenticate too often lately. */
    TOO_MANY_FAILED_AUTHENTICATIONS(ErrorType.RATE_LIMITED),
    /** As many PKCE logins are under way as the platform keeps verifiers for; older ones expire soon. */
    TOO_MANY_PENDING_AUTHORIZATIONS(ErrorType.RATE_LIMITED),

    PROVIDER_UNAVAILABLE(ErrorType.PROVIDER_FAILED),
    PROVIDER_TIMED_OUT(ErrorType.PROVIDER_TIMEOUT),

    /** The database cannot store (or read) now: a full disk, a read-only file system, a database gone. */
    STORAGE_UNAVAILABLE(ErrorType.UNAVAILABLE),

    INTERNAL_ERROR(ErrorType.INTERNAL);

    private final ErrorType type;

    ErrorCode(ErrorType type) {
        this.type = type;
    }

    public ErrorType type() {
        return type;
    }
}
