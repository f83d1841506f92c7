package dev.elements.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.element.ElementKey;
import dev.elements.core.instance.Sealed;
import dev.elements.core.port.out.PendingAuthorization;
import dev.elements.core.port.out.PendingAuthorizations;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.SimultaneousCalls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PendingAuthorizations} must do; storages extend this class. */
public abstract class PendingAuthorizationsContract {
    private static final Instant NOW = Fixtures.NOW;
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final ElementKey ELEMENT = ElementKey.of("twitter");
    private static final ElementKey OTHER_ELEMENT = ElementKey.of("github");

    private PendingAuthorizations pending;

    /** An empty store. */
    protected abstract PendingAuthorizations emptyStore();

    @BeforeEach
    void anEmptyStore() {
        pending = emptyStore();
    }

    private static PendingAuthorization login(ElementKey element, String state, String verifier, Instant at) {
        return new PendingAuthorization(element, state,
                new Sealed("key-1", verifier.getBytes(StandardCharsets.US_ASCII)), at, at.plus(LIFETIME));
    }

    private static String verifierOf(Optional<PendingAuthorization> taken) {
        return new String(taken.orElseThrow().verifier().ciphertext(), StandardCharsets.US_ASCII);
    }

    @Test
    void aSavedLoginIsTakenOnceWithEverythingItHeld() {
        PendingAuthorization saved = login(ELEMENT, "state-1", "verifier-1", NOW);
        assertThat(pending.save(saved, 10)).isTrue();

        Optional<PendingAuthorization> taken = pending.take(ELEMENT, "state-1", NOW.plusSeconds(5));
        assertThat(taken).contains(saved);
        assertThat(pending.take(ELEMENT, "state-1", NOW.plusSeconds(6))).isEmpty();
    }

    @Test
    void loginsAreKeptPerElementAndState() {
        pending.save(login(ELEMENT, "state-1", "verifier-1", NOW), 10);
        pending.save(login(OTHER_ELEMENT, "state-1", "verifier-2", NOW), 10);

        assertThat(pending.take(ELEMENT, "state-2", NOW)).isEmpty();
        assertThat(verifierOf(pending.take(OTHER_ELEMENT, "state-1", NOW))).isEqualTo("verifier-2");
        assertThat(verifierOf(pending.take(ELEMENT, "state-1", NOW))).isEqualTo("verifier-1");
    }

    @Test
    void aSecondLoginWithTheSameStateReplacesTheFirst() {
        pending.save(login(ELEMENT, "state-1", "first", NOW), 10);
        assertThat(pending.save(login(ELEMENT, "state-1", "second", NOW.plusSeconds(1)), 10)).isTrue();

        Optional<PendingAuthorization> taken = pending.take(ELEMENT, "state-1", NOW.plusSeconds(2));
        assertThat(verifierOf(taken)).isEqualTo("second");
        assertThat(taken.orElseThrow().createdAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(pending.take(ELEMENT, "state-1", NOW.plusSeconds(3))).isEmpty();
    }

    @Test
    void aLoginExpiresAfterItsLifetime() {
        pending.save(login(ELEMENT, "state-1", "verifier-1", NOW), 10);
        pending.save(login(ELEMENT, "state-2", "verifier-2", NOW), 10);

        assertThat(pending.take(ELEMENT, "state-1", NOW.plus(LIFETIME))).isEmpty();
        assertThat(pending.take(ELEMENT, "state-2", NOW.plus(LIFETIME).minusMillis(1))).isPresent();
    }

    @Test
    void theLimitRefusesOneMoreWithoutStoringIt() {
        assertThat(pending.save(login(ELEMENT, "state-1", "verifier-1", NOW), 2)).isTrue();
        assertThat(pending.save(login(OTHER_ELEMENT, "state-2", "verifier-2", NOW), 2)).isTrue();

        assertThat(pending.save(login(ELEMENT, "state-3", "verifier-3", NOW.plusSeconds(1)), 2)).isFalse();
        assertThat(pending.take(ELEMENT, "state-3", NOW.plusSeconds(2))).isEmpty();
        assertThat(pending.take(ELEMENT, "state-1", NOW.plusSeconds(2))).isPresent();
        assertThat(pending.take(OTHER_ELEMENT, "state-2", NOW.plusSeconds(2))).isPresent();
    }

    @Test
    void replacingALoginAtTheLimitIsNotOneMore() {
        pending.save(login(ELEMENT, "state-1", "first", NOW), 2);
        pending.save(login(ELEMENT, "state-2", "verifier-2", NOW), 2);

        assertThat(pending.save(login(ELEMENT, "state-1", "second", NOW.plusSeconds(1)), 2)).isTrue();
        assertThat(verifierOf(pending.take(ELEMENT, "state-1", NOW.plusSeconds(2)))).isEqualTo("second");
    }

    @Test
    void expiredLoginsMakeRoomWhenTheLimitIsReached() {
        pending.save(login(ELEMENT, "old-1", "verifier-1", NOW), 2);
        pending.save(login(ELEMENT, "old-2", "verifier-2", NOW.plusSeconds(30)), 2);

        Instant later = NOW.plus(LIFETIME).plusSeconds(1);
        assertThat(pending.save(login(ELEMENT, "new-1", "verifier-3", later), 2)).isTrue();
        assertThat(pending.save(login(ELEMENT, "new-2", "verifier-4", later), 2)).isFalse();
        assertThat(pending.take(ELEMENT, "old-2", later)).isPresent();
        assertThat(pending.save(login(ELEMENT, "new-2", "verifier-4", later), 2)).isTrue();
        assertThat(pending.take(ELEMENT, "old-1", NOW)).as("purged, not merely hidden").isEmpty();
    }

    @Test
    void ofConcurrentTakesExactlyOneGetsTheLogin() throws Exception {
        pending.save(login(ELEMENT, "state-1", "verifier-1", NOW), 10);

        List<Callable<Optional<PendingAuthorization>>> takers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            takers.add(() -> pending.take(ELEMENT, "state-1", NOW.plusSeconds(1)));
        }
        long winners = SimultaneousCalls.race(takers).stream().filter(Optional::isPresent).count();
        assertThat(winners).isEqualTo(1);
    }
}
