package dev.elements.core.fake.oauth2;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The provider's notion of now: real time plus whatever the test advanced it by, so that lifetimes behave as on the
 * real provider while tests jump ahead instead of waiting.
 */
final class FakeClock {

    private final AtomicReference<Duration> advancedBy = new AtomicReference<>(Duration.ZERO);

    Instant now() {
        return Instant.now().plus(advancedBy.get());
    }

    void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The fake's clock only moves forward: " + duration);
        }
        advancedBy.accumulateAndGet(duration, Duration::plus);
    }
}
