package dev.elements.core.error;

import static java.util.Objects.requireNonNull;

import dev.elements.core.instance.InstanceId;
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
    private final transient InstanceId instance;

    public PlatformException(ErrorCode code, String message) {
        this(code, message, null, null, null);
    }

    public PlatformException(ErrorCode code, String message, String providerMessage, Duration retryAfter,
            Throwable cause) {
        this(code, message, providerMessage, retryAfter, cause, null);
    }

    private PlatformException(ErrorCode code, String message, String providerMessage, Duration retryAfter,
            Throwable cause, InstanceId instance) {
        super(requireNonNull(message, "message"), cause, false, cause != null);
        this.code = requireNonNull(code, "code");
        this.providerMessage = providerMessage;
        this.retryAfter = retryAfter;
        this.instance = instance;
    }

    /** The same failure, saying which instance it concerns (hub answers name it, refusals too). */
    public PlatformException concerning(InstanceId concerned) {
        return new PlatformException(code, getMessage(), providerMessage, retryAfter, getCause(),
                requireNonNull(concerned, "concerned"));
    }

    public Optional<InstanceId> instance() {
        return Optional.ofNullable(instance);
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
