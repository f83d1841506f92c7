package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.testing.Fixtures;
import dev.elements.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallDeadlineTest {
    private final TestClock clock = new TestClock(Fixtures.NOW);
    private final ElementContext platform = ElementContext.of(request -> {
        throw new AssertionError("no HTTP here");
    }, clock, Duration.ofSeconds(10));

    @Test
    void eachProviderCallGetsWhatIsLeftAndNoneStartsOnceItIsSpent() {
        CallDeadline deadline = CallDeadline.startingNow(platform);
        assertThat(deadline.providerTimeout()).isEqualTo(Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(7));
        assertThat(deadline.providerTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(deadline.clock()).isSameAs(clock);

        clock.advance(Duration.ofSeconds(3));
        assertThat(deadline.remaining()).isZero();
        assertThatThrownBy(deadline::providerTimeout).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.errorClass()).isEqualTo(ProviderErrorClass.TIMEOUT));
    }
}
