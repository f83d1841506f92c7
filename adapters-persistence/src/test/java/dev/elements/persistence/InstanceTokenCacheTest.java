package dev.elements.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.UserId;
import dev.elements.core.testing.Fixtures;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The cache on its own, with a database that counts its reads and a clock the test moves. */
class InstanceTokenCacheTest {
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final InstanceTokenCache cache = new InstanceTokenCache(InstanceTokenCache.MAXIMUM_ENTRIES,
            InstanceTokenCache.TRUSTED_FOR, nanos::get);
    private final Instance instance = instance(1);

    @Test
    void aSecondLookupIsAnsweredWithoutTheDatabase() {
        assertThat(cache.find(instance.tokenDigest(), database(instance))).contains(instance);
        assertThat(cache.find(instance.tokenDigest(), database(instance))).contains(instance);

        assertThat(reads).hasValue(1);
    }

    @Test
    void anUnknownTokenIsAskedForEveryTime() {
        SecretDigest unknown = SecretDigest.of(Fixtures.secret());

        assertThat(cache.find(unknown, database())).isEmpty();
        assertThat(cache.find(unknown, database())).isEmpty();

        assertThat(reads).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void anInvalidatedInstanceIsReadAgain() {
        cache.find(instance.tokenDigest(), database(instance));
        Instance disabled = instance.change().disabled(true).at(Fixtures.NOW);

        cache.invalidate(instance.id());

        assertThat(cache.find(instance.tokenDigest(), database(disabled))).contains(disabled);
        assertThat(reads).hasValue(2);
    }

    @Test
    void invalidatingAllForgetsEveryInstance() {
        Instance other = instance(2);
        cache.find(instance.tokenDigest(), database(instance));
        cache.find(other.tokenDigest(), database(other));

        cache.invalidateAll();

        assertThat(cache.size()).isZero();
        assertThat(cache.find(other.tokenDigest(), database(other))).contains(other);
        assertThat(reads).hasValue(3);
    }

    @Test
    void aReadThatAnInvalidationOvertookIsNotKept() {
        Instance disabled = instance.change().disabled(true).at(Fixtures.NOW);
        // The row is read, then written and invalidated by another caller before the read is kept.
        Function<SecretDigest, Optional<Instance>> readBeforeAWrite = digest -> {
            reads.incrementAndGet();
            cache.invalidate(instance.id());
            return Optional.of(instance);
        };

        assertThat(cache.find(instance.tokenDigest(), readBeforeAWrite)).contains(instance);

        assertThat(cache.size()).isZero();
        assertThat(cache.find(instance.tokenDigest(), database(disabled))).contains(disabled);
        assertThat(reads).hasValue(2);
    }

    @Test
    void anEntryIsTrustedForTenSecondsFromItsRead() {
        Instance renamed = instance.change().name("renamed").at(Fixtures.NOW);
        cache.find(instance.tokenDigest(), database(instance));

        nanos.addAndGet(InstanceTokenCache.TRUSTED_FOR.minusNanos(1).toNanos());
        assertThat(cache.find(instance.tokenDigest(), database(renamed))).contains(instance);

        nanos.addAndGet(1);
        assertThat(cache.find(instance.tokenDigest(), database(renamed))).contains(renamed);
        assertThat(reads).hasValue(2);
    }

    @Test
    void whileDisabledEveryLookupGoesToTheDatabaseAndNothingIsKept() {
        cache.find(instance.tokenDigest(), database(instance));

        cache.disable();
        assertThat(cache.find(instance.tokenDigest(), database(instance))).contains(instance);
        assertThat(cache.find(instance.tokenDigest(), database(instance))).contains(instance);
        assertThat(cache.size()).isZero();

        cache.enable();
        cache.find(instance.tokenDigest(), database(instance));
        cache.find(instance.tokenDigest(), database(instance));
        assertThat(reads).hasValue(4);
    }

    @Test
    void aReadThatTheCacheWasDisabledDuringIsNotKept() {
        Function<SecretDigest, Optional<Instance>> readWhileTheFeedIsLost = digest -> {
            reads.incrementAndGet();
            cache.disable();
            cache.enable();
            return Optional.of(instance);
        };

        cache.find(instance.tokenDigest(), readWhileTheFeedIsLost);

        assertThat(cache.size()).isZero();
    }

    @Test
    void anInstanceIsKeptUnderItsNewDigestOnly() {
        cache.find(instance.tokenDigest(), database(instance));
        Instance newToken = instance.change().tokenDigest(SecretDigest.of(Fixtures.secret())).at(Fixtures.NOW);
        // The write's invalidation would have come first; keeping the new digest is safe without it.
        cache.find(newToken.tokenDigest(), database(newToken));

        assertThat(cache.size()).isEqualTo(1);
        cache.invalidate(instance.id());
        assertThat(cache.size()).isZero();
    }

    @Test
    void holdsAtMostTheBoundAndDropsTheLeastRecentlyUsed() {
        int bound = InstanceTokenCache.MAXIMUM_ENTRIES;
        for (int id = 1; id <= bound; id++) {
            Instance each = instance(id);
            cache.find(each.tokenDigest(), database(each));
        }
        Instance first = instance(1);
        assertThat(cache.find(first.tokenDigest(), database(first))).as("used again, so kept").isPresent();
        assertThat(reads).hasValue(bound);

        for (int id = bound + 1; id <= bound + 500; id++) {
            Instance each = instance(id);
            cache.find(each.tokenDigest(), database(each));
        }

        assertThat(cache.size()).isEqualTo(bound);
        int before = reads.get();
        cache.find(first.tokenDigest(), database(first));
        assertThat(reads).as("the recently used one stayed").hasValue(before);
        Instance second = instance(2);
        cache.find(second.tokenDigest(), database(second));
        assertThat(reads).as("the least recently used one went").hasValue(before + 1);
    }

    /** Digests depend on the id only, so an instance built again finds the same entry. */
    private static Instance instance(long id) {
        Instance instance = Fixtures.instance(new InstanceId(id), new OrganizationId(1), new UserId(1), "cached",
                List.of());
        return instance.change().tokenDigest(SecretDigest.of("element-token-" + id)).at(instance.updatedAt());
    }

    private Function<SecretDigest, Optional<Instance>> database(Instance... rows) {
        return digest -> {
            reads.incrementAndGet();
            return List.of(rows).stream().filter(row -> row.tokenDigest().equals(digest)).findFirst();
        };
    }
}
