package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.ProviderHttp;
import dev.elements.core.spi.ElementContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The provider timeout of one client call, shared by all the provider calls made for it (retries,
 * an inline renewal, pages walked): each is given what is left, so the client waits about one
 * provider timeout in all, not one per attempt.
 */
final class CallDeadline implements ElementContext {
    private final ElementContext platform;
    private final Instant deadline;

    private CallDeadline(ElementContext platform, Instant deadline) {
        this.platform = requireNonNull(platform, "platform");
        this.deadline = requireNonNull(deadline, "deadline");
    }

    /** A deadline one provider timeout from now. */
    static CallDeadline startingNow(ElementContext platform) {
        return new CallDeadline(platform, platform.clock().instant().plus(platform.providerTimeout()));
    }

    /** What is left of the call's time; zero or negative once spent. */
    Duration remaining() {
        return Duration.between(platform.clock().instant(), deadline);
    }

    @Override
    public ProviderHttp http() {
        return platform.http();
    }

    @Override
    public Clock clock() {
        return platform.clock();
    }

    /**
     * @throws ProviderException of class {@code TIMEOUT} when earlier provider calls of this client
     *     call spent its time, so no further call starts
     */
    @Override
    public Duration providerTimeout() {
        Duration left = remaining();
        if (left.isNegative() || left.isZero()) {
            throw new ProviderException(ProviderError.silent(ProviderErrorClass.TIMEOUT),
                    "the time for this call to the provider was spent by earlier attempts", null);
        }
        return left;
    }
}
