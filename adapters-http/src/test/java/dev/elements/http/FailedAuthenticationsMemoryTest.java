package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.PresentedCredentials;
import dev.elements.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The counts of {@link FailedAuthentications} stay bounded in memory, however many guessers there are. */
class FailedAuthenticationsMemoryTest {
    private final TestClock clock = TestClock.atFixedStart();
    private final FailedAuthentications failures = new FailedAuthentications(1, Duration.ofMinutes(1), clock);

    @Test
    void theLeastRecentlyUsedCountsAreForgottenPastTheBound() {
        fail("10.0.0.1");
        assertThatThrownBy(() -> attempt("10.0.0.1")).hasFieldOrPropertyWithValue("code",
                ErrorCode.TOO_MANY_FAILED_AUTHENTICATIONS);

        for (int i = 0; i < FailedAuthentications.MAX_TRACKED; i++) {
            fail("10.1." + (i / 256) + "." + (i % 256));
        }

        assertThatCode(() -> attempt("10.0.0.1")).doesNotThrowAnyException();
    }

    private void fail(String address) {
        try {
            failures.check(address, PresentedCredentials.none(), () -> {
                throw new PlatformException(ErrorCode.INVALID_CREDENTIALS, "wrong");
            });
        } catch (PlatformException expected) {
            // counted
        }
    }

    private void attempt(String address) {
        failures.check(address, PresentedCredentials.none(), () -> { });
    }
}
