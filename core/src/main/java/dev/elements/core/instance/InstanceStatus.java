package dev.elements.core.instance;

/** What an application can expect of an instance right now. */
public enum InstanceStatus {
    /** Credentials work. */
    ACTIVE,
    /** The last renewal failed for a passing reason (outage, rate limit); the credentials still work. */
    REFRESH_FAILING,
    /** The provider rejected the credentials; the user must authorize again. */
    NEEDS_REAUTH,
    /** Switched off by the application; hub calls are refused until it is enabled. */
    DISABLED
}
