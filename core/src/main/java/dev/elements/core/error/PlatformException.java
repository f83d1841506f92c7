package dev.elements.core.error;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure the platform explains to its caller. The message is written for the API user and must
 * never contain a secret; {@code providerMessage} carries the provider's own words, when it said
 * something.
 */
public final class PlatformException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String providerMessage;
    private final Duration retryAfter;

    public PlatformException(ErrorCode code, String message) {
        this(code, message, null, null, null);
    }

    public PlatformException(ErrorCode code, String message, String providerMessage, Duration retryAfter,
            Throwable cause) {
        super(requireNonNull(message, "message"), cause, false, cause != null);
        this.code = requireNonNull(code, "code");
        this.providerMessage = providerMessage;
        this.retryAfter = retryAfter;
    }

    public ErrorCode code() {
        return code;
    }

    public ErrorType type() {
        return code.type();
    }

    public Optional<String> providerMessage() {
        return Optional.ofNullable(providerMessage);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public static PlatformException notFound(ErrorCode code, String message) {
        return new PlatformException(code, message);
    }

    public static PlatformException invalid(String message) {
        return new PlatformException(ErrorCode.INVALID_FIELD, message);
    }
}
