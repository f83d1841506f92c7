package dev.elements.core.oauth;

import static java.util.Objects.requireNonNull;

/**
 * Thrown by plugins and by the outbound HTTP port when a provider refuses or fails. Neither the
 * description nor the provider's message may contain a token or a URL with a token in it.
 */
public final class ProviderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ProviderError error;

    /** A refusal described by the provider's own message. */
    public ProviderException(ProviderError error) {
        this(error, requireNonNull(error, "error").message().orElse(error.errorClass().name()), null);
    }

    /**
     * @param description what happened, for logs, when the provider's message alone does not say it
     */
    public ProviderException(ProviderError error, String description, Throwable cause) {
        super(description, cause);
        this.error = requireNonNull(error, "error");
    }

    public ProviderError error() {
        return error;
    }

    public ProviderErrorClass errorClass() {
        return error.errorClass();
    }
}
