package dev.elements.core.instance;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The life of an instance's provider credentials, and every transition between its states, in
 * one place: authorized or renewed (active), a renewal that failed for a passing reason (still
 * usable, retried with growing delays) and a rejection by the provider (needs a new
 * authorization, no more renewals). Only a rejection ever makes credentials invalid: an outage
 * never does.
 *
 * @param status {@code ACTIVE}, {@code REFRESH_FAILING} or {@code NEEDS_REAUTH}
 * @param reason why the state is what it is, in words for the application
 * @param lastRenewedAt when the credentials were last obtained or renewed
 * @param tokenExpiresAt when the provider said the access token expires; may be null
 * @param nextRenewalAt when the next renewal is due; null when none will happen
 * @param consecutiveFailures renewals that failed in a row, for the growing delay
 */
public record CredentialState(
        InstanceStatus status,
        String reason,
        Instant lastRenewedAt,
        Instant tokenExpiresAt,
        Instant nextRenewalAt,
        int consecutiveFailures) {

    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);

    public CredentialState {
        requireNonNull(status, "status");
        requireNonNull(reason, "reason");
        requireNonNull(lastRenewedAt, "lastRenewedAt");
        if (status == InstanceStatus.DISABLED) {
            throw new IllegalArgumentException("Disabling is the application's switch, not a credential state");
        }
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures is never negative");
        }
    }

    /** Fresh credentials: from a code exchange or a successful renewal. */
    public static CredentialState obtained(Instant now, Instant tokenExpiresAt, Duration renewalInterval,
            Duration renewBeforeExpiry) {
        return new CredentialState(InstanceStatus.ACTIVE, "Credentials are valid", now, tokenExpiresAt,
                nextRenewal(now, tokenExpiresAt, renewalInterval, renewBeforeExpiry), 0);
    }

    /**
     * The same state under a new renewal interval, which applies at once: a working instance's next
     * renewal moves; one that is failing keeps its retry schedule, one that needs a new
     * authorization stays without renewals.
     */
    public CredentialState withRenewalInterval(Duration renewalInterval, Duration renewBeforeExpiry) {
        if (status != InstanceStatus.ACTIVE) {
            return this;
        }
        return new CredentialState(status, reason, lastRenewedAt, tokenExpiresAt,
                nextRenewal(lastRenewedAt, tokenExpiresAt, renewalInterval, renewBeforeExpiry), consecutiveFailures);
    }

    private static Instant nextRenewal(Instant renewedAt, Instant tokenExpiresAt, Duration renewalInterval,
            Duration renewBeforeExpiry) {
        Instant next = renewedAt.plus(renewalInterval);
        if (tokenExpiresAt != null) {
            // Never more than half the token's life ahead: a provider that issues short tokens
            // must not make every renewal due at once, over and over.
            Duration halfLife = Duration.between(renewedAt, tokenExpiresAt).dividedBy(2);
            Duration margin = renewBeforeExpiry.compareTo(halfLife) < 0 ? renewBeforeExpiry : halfLife;
            Instant beforeExpiry = tokenExpiresAt.minus(margin.isNegative() ? Duration.ZERO : margin);
            if (beforeExpiry.isBefore(next)) {
                next = beforeExpiry.isAfter(renewedAt) ? beforeExpiry : renewedAt;
            }
        }
        return next;
    }

    /** The provider rejected the credentials: stop renewing until the user authorizes again. */
    public CredentialState rejected(String why) {
        return new CredentialState(InstanceStatus.NEEDS_REAUTH, why, lastRenewedAt, tokenExpiresAt, null,
                consecutiveFailures);
    }

    /** A renewal failed for a passing reason: keep the credentials, try again later, later each time. */
    public CredentialState renewalFailed(Instant now, String why, Duration providerAskedToWait) {
        int failures = consecutiveFailures + 1;
        Duration delay = backoff(failures);
        if (providerAskedToWait != null && providerAskedToWait.compareTo(delay) > 0) {
            delay = providerAskedToWait;
        }
        return new CredentialState(InstanceStatus.REFRESH_FAILING, why, lastRenewedAt, tokenExpiresAt,
                now.plus(delay), failures);
    }

    static Duration backoff(int failures) {
        int doublings = Math.min(failures - 1, 20);
        Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }

    public boolean valid() {
        return status != InstanceStatus.NEEDS_REAUTH;
    }

    /** Whether a renewal should happen at {@code now}. */
    public boolean renewalDue(Instant now) {
        return nextRenewalAt != null && !now.isBefore(nextRenewalAt);
    }

    public Optional<Instant> nextRenewal() {
        return Optional.ofNullable(nextRenewalAt);
    }
}
