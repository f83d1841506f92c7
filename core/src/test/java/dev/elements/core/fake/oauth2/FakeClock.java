package dev.elements.core.fake.oauth2;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fake provider's notion of now: real time plus whatever the test advanced it by, so that lifetimes behave as on the
 * real provider while tests jump ahead instead of waiting.
 */
public final class FakeClock {

    private final AtomicReference<Duration> advancedBy = new AtomicReference<>(Duration.ZERO);

    public Instant now() {
        return Instant.now().plus(advancedBy.get());
    }

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The fake's clock only moves forward: " + duration);
        }
        advancedBy.accumulateAndGet(duration, Duration::plus);
    }
}
