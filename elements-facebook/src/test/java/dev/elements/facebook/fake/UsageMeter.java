package dev.elements.facebook.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts Graph calls per app and per page over a rolling hour of the fake's clock and turns them into the
 * percentages Facebook reports in {@code X-App-Usage} and {@code X-Business-Use-Case-Usage}. Guarded by the fake's
 * lock.
 */
final class UsageMeter {

    static final Duration WINDOW = Duration.ofHours(1);
    /** Facebook's platform rate limit: 200 calls per hour for each user of the app. */
    static final int CALLS_PER_USER_PER_HOUR = 200;
    /** Pages get 4800 calls per engaged user per day; per hour the fake simply allows this many. */
    static final int DEFAULT_PAGE_BUDGET = 4800;

    private final Map<String, Deque<Instant>> callsByApp = new HashMap<>();
    private final Map<String, Deque<Instant>> callsByPage = new HashMap<>();
    private final Map<String, Integer> appBudgets = new HashMap<>();
    private final Map<String, Integer> pageBudgets = new HashMap<>();

    void setAppBudget(String appId, int callsPerHour) {
        requirePositive(callsPerHour);
        appBudgets.put(appId, callsPerHour);
    }

    void setPageBudget(String pageId, int callsPerHour) {
        requirePositive(callsPerHour);
        pageBudgets.put(pageId, callsPerHour);
    }

    /** The app's usage now; {@code usersOfApp} sets the default budget when the test did not set one. */
    Usage appUsage(String appId, int usersOfApp, Instant now) {
        int budget = appBudgets.getOrDefault(appId, CALLS_PER_USER_PER_HOUR * Math.max(1, usersOfApp));
        return usage(callsByApp, appId, budget, now);
    }

    Usage pageUsage(String pageId, Instant now) {
        return usage(callsByPage, pageId, pageBudgets.getOrDefault(pageId, DEFAULT_PAGE_BUDGET), now);
    }

    void record(String appId, String pageId, Instant now) {
        callsByApp.computeIfAbsent(appId, ignored -> new ArrayDeque<>()).addLast(now);
        if (pageId != null) {
            callsByPage.computeIfAbsent(pageId, ignored -> new ArrayDeque<>()).addLast(now);
        }
    }

    private static Usage usage(Map<String, Deque<Instant>> callsByKey, String key, int budget, Instant now) {
        Deque<Instant> calls = callsByKey.computeIfAbsent(key, ignored -> new ArrayDeque<>());
        Instant windowStart = now.minus(WINDOW);
        while (!calls.isEmpty() && !calls.peekFirst().isAfter(windowStart)) {
            calls.removeFirst();
        }
        int percent = (int) Math.min(100L * calls.size() / budget, Integer.MAX_VALUE);
        long minutesToRegain = 0;
        if (calls.size() >= budget) {
            // Access comes back when enough old calls leave the window to get under the budget again.
            Instant freedAt = calls.stream().skip(calls.size() - budget).findFirst().orElse(now).plus(WINDOW);
            minutesToRegain = Math.max(1, (Duration.between(now, freedAt).getSeconds() + 59) / 60);
        }
        return new Usage(calls.size(), budget, percent, minutesToRegain);
    }

    private static void requirePositive(int callsPerHour) {
        if (callsPerHour <= 0) {
            throw new IllegalArgumentException("A call budget must be positive: " + callsPerHour);
        }
    }

    /**
     * A snapshot of one usage bucket.
     *
     * @param calls calls in the last hour
     * @param budget calls allowed per hour
     * @param percent {@code 100 * calls / budget}, the number Facebook's headers carry
     * @param minutesToRegainAccess 0 while under budget, else minutes until a call is allowed again
     */
    record Usage(int calls, int budget, int percent, long minutesToRegainAccess) {
        boolean exhausted() {
            return calls >= budget;
        }
    }
}
