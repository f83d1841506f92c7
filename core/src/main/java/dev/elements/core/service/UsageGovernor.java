package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.hub.ProviderUsage;
import dev.elements.core.port.out.ProviderUsageLedger;
import dev.elements.core.port.out.ProviderUsageLedger.UsageReading;
import dev.elements.core.port.out.Sleeper;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps an application from being locked out by its provider: every instance of one application
 * shares the provider's call budget, so when the provider reports the budget nearly used up, calls
 * slow down, and close to the limit they are held back here (429 with {@code Retry-After}) instead
 * of being sent and refused, which with Facebook can block the application for an hour. Readings
 * are shared across nodes through the ledger; each node reads it at most once a second per budget.
 */
final class UsageGovernor {
    private static final System.Logger LOG = System.getLogger(UsageGovernor.class.getName());
    /** From here calls are spaced out, more the closer the budget is to its end. */
    static final int SLOW_FROM_PERCENT = 80;
    /** From here calls are held back until a fresh reading says otherwise. */
    static final int REFUSE_FROM_PERCENT = 95;
    /** Below this a reading is not worth a write: nothing is slowed at that level. */
    static final int RECORD_FROM_PERCENT = 50;
    /** A reading older than this no longer decides: the budget is a rolling window that drains. */
    static final Duration READING_LIFETIME = Duration.ofSeconds(60);
    static final Duration LONGEST_SLOWDOWN = Duration.ofSeconds(1);
    private static final Duration CACHE = Duration.ofSeconds(1);

    private final ProviderUsageLedger ledger;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<UsageReading> reading, Instant readAt) {
    }

    UsageGovernor(ProviderUsageLedger ledger, Clock clock, Sleeper sleeper) {
        this.ledger = requireNonNull(ledger, "ledger");
        this.clock = requireNonNull(clock, "clock");
        this.sleeper = requireNonNull(sleeper, "sleeper");
    }

    /** Holds a call back, slows it, or lets it go, by the bucket's latest reading. */
    void beforeCall(String bucket) {
        Instant now = clock.instant();
        Optional<UsageReading> reading = latest(bucket, now);
        if (reading.isEmpty()) {
            return;
        }
        UsageReading latest = reading.get();
        if (latest.blockedUntil() != null && now.isBefore(latest.blockedUntil())) {
            throw refusal(Duration.between(now, latest.blockedUntil()), latest.percent());
        }
        if (now.isAfter(latest.observedAt().plus(READING_LIFETIME))) {
            return;
        }
        if (latest.percent() >= REFUSE_FROM_PERCENT) {
            throw refusal(Duration.between(now, latest.observedAt().plus(READING_LIFETIME)), latest.percent());
        }
        if (latest.percent() >= SLOW_FROM_PERCENT) {
            long share = latest.percent() - SLOW_FROM_PERCENT;
            pause(LONGEST_SLOWDOWN.multipliedBy(share).dividedBy(REFUSE_FROM_PERCENT - SLOW_FROM_PERCENT));
        }
    }

    /** Keeps what the provider said about the budget, when it matters to anyone. */
    void observed(ProviderUsage usage, Duration retryAfter) {
        Instant now = clock.instant();
        Optional<UsageReading> previous = latest(usage.bucket(), now);
        boolean matters = usage.percent() >= RECORD_FROM_PERCENT || retryAfter != null
                || previous.filter(reading -> reading.percent() >= RECORD_FROM_PERCENT
                        || reading.blockedUntil() != null).isPresent();
        if (!matters) {
            return;
        }
        Duration wait = retryAfter != null ? retryAfter : usage.regainAccessIn();
        Instant blockedUntil = usage.percent() >= 100 && wait != null ? now.plus(wait) : null;
        UsageReading reading = new UsageReading(usage.bucket(), usage.percent(), now, blockedUntil);
        ledger.record(reading);
        cache.put(usage.bucket(), new Cached(Optional.of(reading), now));
        if (usage.percent() >= SLOW_FROM_PERCENT) {
            LOG.log(Level.WARNING, "Provider budget {0} is {1}% used; calls of its instances are being {2}",
                    usage.bucket(), usage.percent(), usage.percent() >= REFUSE_FROM_PERCENT ? "held back" : "slowed");
        }
    }

    private Optional<UsageReading> latest(String bucket, Instant now) {
        Cached cached = cache.get(bucket);
        if (cached != null && now.isBefore(cached.readAt().plus(CACHE))) {
            return cached.reading();
        }
        Optional<UsageReading> reading = ledger.latest(bucket);
        cache.put(bucket, new Cached(reading, now));
        return reading;
    }

    private static PlatformException refusal(Duration wait, int percent) {
        Duration retryAfter = wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
        return new PlatformException(ErrorCode.USAGE_BUDGET_EXHAUSTED,
                "The provider reports this application's call budget " + percent + "% used; calls are held back"
                        + " so that the provider does not lock the application out. Retry later.",
                null, retryAfter, null);
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            // The call goes ahead unslowed; whoever interrupted still sees the flag.
            Thread.currentThread().interrupt();
        }
    }
}
