package dev.elements.core.oauth;

/**
 * What a provider's refusal means for the platform. Plugins translate the provider's own codes into
 * these; the platform decides statuses, instance transitions and retries from the class alone.
 */
public enum ProviderErrorClass {
    /** A code or the application's credentials were refused (used, expired, foreign code, bad secret). */
    INVALID_GRANT,
    /** The instance's token is invalid, expired or revoked; only a new authorization helps. */
    INVALID_TOKEN,
    /** The provider is limiting calls; retry later. */
    RATE_LIMITED,
    /** The token lacks a permission for this call. */
    PERMISSION,
    /** The provider refused the call's parameters. */
    BAD_REQUEST,
    /** The object the call names does not exist at the provider (or is hidden from this token). */
    NOT_FOUND,
    /** The provider failed, was unreachable or answered something unreadable; retrying may help. */
    TRANSIENT,
    /** The provider did not answer in time. */
    TIMEOUT,
    /** The provider's answer was larger than the platform reads; asking again would not help. */
    TOO_LARGE;

    /** Whether the provider refused the credentials themselves: only a new authorization helps. */
    public boolean rejectsCredentials() {
        return this == INVALID_TOKEN || this == INVALID_GRANT;
    }
}
