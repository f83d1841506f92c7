package dev.elements.http;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.PresentedCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Throttles guessing: once a source address, or one presented secret, has failed to authenticate
 * {@code limit} times within the window, further attempts from it get 429 with {@code Retry-After}
 * without any secret being checked, until the oldest of those failures leaves the window.
 *
 * <p>A presented secret counts as an identity of its own (the User secret, the Organization secret,
 * the Element token, each by a digest, never in the clear), because secrets are all a caller names
 * itself by: someone who knows one secret and guesses the other is stopped by the first, and a
 * secret can only be locked out by someone who holds it. Guesses with fresh secrets each time are
 * stopped by the address.
 *
 * <p>The counts live in this process only: each node of a cluster counts its own, so the limit
 * across N nodes is N times the setting. The map is bounded; when full, the entries used least
 * recently are forgotten.
 */
final class FailedAuthentications {
    /** Enough for every address of a busy day's guessers, small enough to never matter for memory. */
    static final int MAX_TRACKED = 10_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    FailedAuthentications(int limit, Duration window, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
        this.window = requireNonNull(window, "window");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * Runs an authentication unless the address or a presented secret is throttled, and counts it
     * when it fails for a wrong secret.
     *
     * @throws PlatformException {@code TOO_MANY_FAILED_AUTHENTICATIONS} (429) when throttled; and
     *     whatever the authentication throws
     */
    <T> T attempt(String address, PresentedCredentials presented, Supplier<T> authentication) {
        List<String> keys = keys(address, presented);
        refuseIfThrottled(keys);
        try {
            return authentication.get();
        } catch (PlatformException e) {
            if (e.code() == ErrorCode.INVALID_CREDENTIALS) {
                record(keys);
            }
            throw e;
        }
    }

    private synchronized void refuseIfThrottled(List<String> keys) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : keys) {
            Deque<Instant> recent = failures.get(key);
            if (recent == null) {
                continue;
            }
            forgetExpired(recent, now);
            if (recent.isEmpty()) {
                failures.remove(key);
            } else if (recent.size() >= limit) {
                Duration untilOldestLeaves = Duration.between(now, recent.peekFirst().plus(window));
                if (untilOldestLeaves.compareTo(wait) > 0) {
                    wait = untilOldestLeaves;
                }
            }
        }
        if (!wait.isZero()) {
            throw new PlatformException(ErrorCode.TOO_MANY_FAILED_AUTHENTICATIONS,
                    "Too many failed authentications from this address or with these secrets; retry later", null,
                    wait, null);
        }
    }

    private synchronized void record(List<String> keys) {
        Instant now = clock.instant();
        for (String key : keys) {
            Deque<Instant> recent = failures.computeIfAbsent(key, ignored -> new ArrayDeque<>());
            forgetExpired(recent, now);
            recent.addLast(now);
            // Only the newest {@code limit} matter: the oldest of them decides when the throttle lifts.
            while (recent.size() > limit) {
                recent.removeFirst();
            }
        }
    }

    private void forgetExpired(Deque<Instant> recent, Instant now) {
        Instant oldestKept = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(oldestKept)) {
            recent.removeFirst();
        }
    }

    private static List<String> keys(String address, PresentedCredentials presented) {
        List<String> keys = new ArrayList<>(5);
        keys.add("address " + requireNonNull(address, "address"));
        addSecret(keys, "user", presented.userSecret());
        addSecret(keys, "organization", presented.organizationSecret());
        addSecret(keys, "element", presented.elementToken());
        addSecret(keys, "operator", presented.operatorSecret());
        return keys;
    }

    private static void addSecret(List<String> keys, String kind, String secret) {
        if (secret != null) {
            keys.add(kind + " " + digest(secret));
        }
    }

    private static String digest(String secret) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** {@link #attempt} for an authentication that returns nothing. */
    void check(String address, PresentedCredentials presented, Runnable authentication) {
        attempt(address, presented, () -> {
            authentication.run();
            return null;
        });
    }
}
