package dev.elements.facebook.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fake's notion of now: real time plus whatever the test advanced it by. It keeps running, so code and token
 * lifetimes and the rolling usage hour behave as on Facebook, while tests can jump ahead instead of waiting.
 */
final class FakeClock {

    private final AtomicReference<Duration> advancedBy = new AtomicReference<>(Duration.ZERO);

    Instant now() {
        return Instant.now().plus(advancedBy.get());
    }

    void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The fake's clock only moves forward, like Facebook's: " + duration);
        }
        advancedBy.accumulateAndGet(duration, Duration::plus);
    }
}
