package dev.elements.twitter.fake;

import dev.elements.core.fake.oauth2.FakeResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * X's per-user, per-endpoint limits in 15-minute windows: every answer carries {@code x-rate-limit-limit},
 * {@code x-rate-limit-remaining} and {@code x-rate-limit-reset} (epoch seconds), and a call with nothing remaining is
 * 429. A window starts with the user's first call of the endpoint. Used under the provider's lock.
 */
final class XRateLimits {

    static final Duration WINDOW = Duration.ofMinutes(15);

    private static final class Window {
        final Instant resetAt;
        int remaining;

        Window(Instant resetAt, int remaining) {
            this.resetAt = resetAt;
            this.remaining = remaining;
        }
    }

    private record Key(String userId, XEndpoint endpoint) {
    }

    private final Map<Key, Window> windows = new HashMap<>();

    /** Counts the call, then answers it with {@code call} or 429, with the headers either way. */
    FakeResponse call(String userId, XEndpoint endpoint, Instant now, Supplier<FakeResponse> call) {
        Window window = current(userId, endpoint, now);
        FakeResponse answer;
        if (window.remaining <= 0) {
            answer = XProblems.tooManyRequests();
        } else {
            window.remaining--;
            answer = call.get();
        }
        return answer.withHeader("x-rate-limit-limit", Integer.toString(endpoint.limitPerWindow()))
                .withHeader("x-rate-limit-remaining", Integer.toString(window.remaining))
                .withHeader("x-rate-limit-reset", Long.toString(window.resetAt.getEpochSecond()));
    }

    void setRemaining(String userId, XEndpoint endpoint, int remaining, Instant now) {
        if (remaining < 0 || remaining > endpoint.limitPerWindow()) {
            throw new IllegalArgumentException("Remaining calls must be between 0 and " + endpoint.limitPerWindow()
                    + ": " + remaining);
        }
        current(userId, endpoint, now).remaining = remaining;
    }

    private Window current(String userId, XEndpoint endpoint, Instant now) {
        Key key = new Key(userId, endpoint);
        Window window = windows.get(key);
        if (window == null || !now.isBefore(window.resetAt)) {
            window = new Window(now.plus(WINDOW), endpoint.limitPerWindow());
            windows.put(key, window);
        }
        return window;
    }
}
