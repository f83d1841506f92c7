package dev.elements.core.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CredentialStateTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration MARGIN = Duration.ofMinutes(10);

    @Test
    void freshCredentialsAreRenewedAfterTheInterval() {
        CredentialState state = CredentialState.obtained(NOW, NOW.plus(Duration.ofDays(60)), HOUR, MARGIN);

        assertThat(state.status()).isEqualTo(InstanceStatus.ACTIVE);
        assertThat(state.valid()).isTrue();
        assertThat(state.renewalDue(NOW.plus(HOUR).minusMillis(1))).isFalse();
        assertThat(state.renewalDue(NOW.plus(HOUR))).isTrue();
    }

    @Test
    void aTokenCloseToExpiryIsRenewedBeforeItExpires() {
        CredentialState state = CredentialState.obtained(NOW, NOW.plus(Duration.ofMinutes(30)), HOUR, MARGIN);

        assertThat(state.nextRenewalAt()).isEqualTo(NOW.plus(Duration.ofMinutes(20)));
        CredentialState expired = CredentialState.obtained(NOW, NOW.minus(Duration.ofMinutes(5)), HOUR, MARGIN);
        assertThat(expired.renewalDue(NOW)).isTrue();
    }

    @Test
    void aShortLivedTokenIsRenewedHalfwayRatherThanAtOnce() {
        CredentialState state = CredentialState.obtained(NOW, NOW.plus(Duration.ofMinutes(8)), HOUR, MARGIN);

        assertThat(state.nextRenewalAt()).isEqualTo(NOW.plus(Duration.ofMinutes(4)));
        assertThat(state.renewalDue(NOW)).isFalse();
    }

    @Test
    void passingFailuresKeepTheCredentialsAndRetryLaterEachTime() {
        CredentialState state = CredentialState.obtained(NOW, null, HOUR, MARGIN);
        CredentialState once = state.renewalFailed(NOW, "provider down", null);
        CredentialState twice = once.renewalFailed(NOW, "provider down", null);

        assertThat(once.status()).isEqualTo(InstanceStatus.REFRESH_FAILING);
        assertThat(once.valid()).isTrue();
        assertThat(once.lastRenewedAt()).isEqualTo(NOW);
        Duration first = Duration.between(NOW, once.nextRenewalAt());
        Duration second = Duration.between(NOW, twice.nextRenewalAt());
        assertThat(second).isGreaterThan(first);

        CredentialState many = state;
        for (int i = 0; i < 40; i++) {
            many = many.renewalFailed(NOW, "still down", null);
        }
        assertThat(Duration.between(NOW, many.nextRenewalAt())).isEqualTo(Duration.ofHours(1));
        assertThat(many.valid()).isTrue();
    }

    @Test
    void theProvidersRequestToWaitIsHonoured() {
        CredentialState state = CredentialState.obtained(NOW, null, HOUR, MARGIN)
                .renewalFailed(NOW, "rate limited", Duration.ofMinutes(45));

        assertThat(state.nextRenewalAt()).isEqualTo(NOW.plus(Duration.ofMinutes(45)));
    }

    @Test
    void aRejectionNeedsANewAuthorizationAndStopsRenewals() {
        CredentialState state = CredentialState.obtained(NOW, null, HOUR, MARGIN).rejected("user removed the app");

        assertThat(state.status()).isEqualTo(InstanceStatus.NEEDS_REAUTH);
        assertThat(state.valid()).isFalse();
        assertThat(state.nextRenewal()).isEmpty();
        assertThat(state.renewalDue(NOW.plus(Duration.ofDays(365)))).isFalse();

        CredentialState reauthorized = CredentialState.obtained(NOW.plus(HOUR), null, HOUR, MARGIN);
        assertThat(reauthorized.status()).isEqualTo(InstanceStatus.ACTIVE);
        assertThat(reauthorized.consecutiveFailures()).isZero();
    }
}
