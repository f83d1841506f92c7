package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.tenant.SecretDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Instances by the digest of their element token, so that a hub call, which looks its instance
 * up by token twice, does not ask the database each time. Bounded (least recently used entries
 * go first), so memory stays flat however many instances there are, and each entry is trusted
 * for a short while only: the storage invalidates an instance after every write of its row, on
 * every node (see {@link InstanceChangeListener}), and the time limit is the safety net for a
 * write that did not say so.
 *
 * <p>A lookup that reads the database while an invalidation happens does not keep what it read:
 * its row may be older than the write that invalidated. So every invalidation moves a generation
 * on, and a read is kept only if the generation is still the one it started under. Unknown tokens
 * are not kept, so an instance that is created is found at once.
 *
 * <p>While disabled (when invalidations from other nodes cannot be heard) every lookup goes to the
 * database and nothing is kept.
 */
final class InstanceTokenCache {
    static final int MAXIMUM_ENTRIES = 10_000;
    static final Duration TRUSTED_FOR = Duration.ofSeconds(10);

    private final int maximumEntries;
    private final long trustedForNanos;
    private final LongSupplier nanoTime;
    /** Hub calls on many request threads read and write here; every access is short and under it. */
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<SecretDigest, Entry> byDigest;
    private final Map<InstanceId, SecretDigest> digestById = new HashMap<>();
    private long generation;
    private boolean enabled = true;

    private record Entry(Instance instance, long readAtNanos) {
    }

    /**
     * @param nanoTime {@link System#nanoTime()} but in tests: the time limit is measured by it,
     *     never by the store's clock, which tests hold still
     */
    InstanceTokenCache(int maximumEntries, Duration trustedFor, LongSupplier nanoTime) {
        if (maximumEntries <= 0) {
            throw new IllegalArgumentException("maximumEntries > 0");
        }
        this.maximumEntries = maximumEntries;
        this.trustedForNanos = requireNonNull(trustedFor, "trustedFor").toNanos();
        this.nanoTime = requireNonNull(nanoTime, "nanoTime");
        this.byDigest = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SecretDigest, Entry> eldest) {
                if (size() <= InstanceTokenCache.this.maximumEntries) {
                    return false;
                }
                digestById.remove(eldest.getValue().instance().id());
                return true;
            }
        };
    }

    /** The platform's cache: {@link #MAXIMUM_ENTRIES}, each trusted for {@link #TRUSTED_FOR}. */
    static InstanceTokenCache standard() {
        return new InstanceTokenCache(MAXIMUM_ENTRIES, TRUSTED_FOR, System::nanoTime);
    }

    /** The instance with that token digest: kept, or read by {@code database} (and then kept if it may be). */
    Optional<Instance> find(SecretDigest tokenDigest, Function<SecretDigest, Optional<Instance>> database) {
        requireNonNull(tokenDigest, "tokenDigest");
        requireNonNull(database, "database");
        long readUnder;
        long readAtNanos;
        lock.lock();
        try {
            Instance kept = kept(tokenDigest);
            if (kept != null) {
                return Optional.of(kept);
            }
            readUnder = generation;
            readAtNanos = nanoTime.getAsLong();
        } finally {
            lock.unlock();
        }
        Optional<Instance> found = database.apply(tokenDigest);
        found.ifPresent(instance -> keep(tokenDigest, instance, readUnder, readAtNanos));
        return found;
    }

    /** Forgets the instance; after its row was written. */
    void invalidate(InstanceId id) {
        requireNonNull(id, "id");
        lock.lock();
        try {
            generation++;
            SecretDigest digest = digestById.remove(id);
            if (digest != null) {
                byDigest.remove(digest);
            }
        } finally {
            lock.unlock();
        }
    }

    void invalidateAll() {
        lock.lock();
        try {
            generation++;
            byDigest.clear();
            digestById.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Starts keeping lookups, from nothing: whatever was kept before may have been missed by invalidations. */
    void enable() {
        lock.lock();
        try {
            invalidateAll();
            enabled = true;
        } finally {
            lock.unlock();
        }
    }

    /** Sends every lookup to the database until {@link #enable()}, and keeps nothing. */
    void disable() {
        lock.lock();
        try {
            enabled = false;
            invalidateAll();
        } finally {
            lock.unlock();
        }
    }

    boolean enabled() {
        lock.lock();
        try {
            return enabled;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return byDigest.size();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock. */
    private Instance kept(SecretDigest tokenDigest) {
        if (!enabled) {
            return null;
        }
        Entry entry = byDigest.get(tokenDigest);
        if (entry == null) {
            return null;
        }
        if (nanoTime.getAsLong() - entry.readAtNanos() >= trustedForNanos) {
            byDigest.remove(tokenDigest);
            digestById.remove(entry.instance().id());
            return null;
        }
        return entry.instance();
    }

    /** The time limit counts from before the read: the row is as old as that at most. */
    private void keep(SecretDigest tokenDigest, Instance instance, long readUnder, long readAtNanos) {
        lock.lock();
        try {
            if (!enabled || generation != readUnder) {
                return;
            }
            // An instance is kept under one digest: a stale one of its own would outlive its invalidation.
            SecretDigest previous = digestById.put(instance.id(), tokenDigest);
            if (previous != null && !previous.equals(tokenDigest)) {
                byDigest.remove(previous);
            }
            Entry replaced = byDigest.put(tokenDigest, new Entry(instance, readAtNanos));
            if (replaced != null && !replaced.instance().id().equals(instance.id())) {
                digestById.remove(replaced.instance().id(), tokenDigest);
            }
        } finally {
            lock.unlock();
        }
    }
}
