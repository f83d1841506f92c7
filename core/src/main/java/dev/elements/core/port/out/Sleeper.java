package dev.elements.core.port.out;

import java.time.Duration;

/**
 * Waits between attempts and while calls are spaced out. A port, like the clock, so that tests
 * observe the pauses a policy asks for instead of waiting through them.
 */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** The real pause of the calling thread. */
    static Sleeper threadSleep() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
