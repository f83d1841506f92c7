package dev.elements.core.element;

/** Who may set a configuration value. */
public enum ConfigurationScope {
    /** The application, when it creates or updates an instance. */
    INSTANCE,
    /**
     * Only the operator, through settings. Endpoint addresses are of this scope, so that no
     * instance can send tokens or requests to an address of its own choosing.
     */
    OPERATOR,
    /** The platform itself (provider tokens, the time of the last renewal); read-only for everyone. */
    PLATFORM
}
