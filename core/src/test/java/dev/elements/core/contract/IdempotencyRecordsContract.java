package dev.elements.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.port.out.IdempotencyRecords;
import dev.elements.core.port.out.IdempotencyRecords.IdempotencyRecord;
import dev.elements.core.instance.Sealed;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyRecords} must do; storages extend this class. */
public abstract class IdempotencyRecordsContract {
    private static final Instant NOW = Fixtures.NOW;

    private IdempotencyRecords records;
    private OrganizationId one;
    private OrganizationId two;

    protected abstract IdempotencyStores emptyStores();

    public record IdempotencyStores(TenantRepository tenants, IdempotencyRecords records) {
    }

    @BeforeEach
    void organizations() {
        IdempotencyStores stores = emptyStores();
        records = stores.records();
        one = Fixtures.organization(stores.tenants(), "One").organizationId();
        two = Fixtures.organization(stores.tenants(), "Two").organizationId();
    }

    @Test
    void theFirstClaimOwnsTheKeyAndLaterOnesSeeIt() {
        assertThat(records.claim(one, "key-1", "fingerprint-a", NOW)).isEmpty();

        Optional<IdempotencyRecord> second = records.claim(one, "key-1", "fingerprint-b", NOW.plusSeconds(1));

        assertThat(second).hasValueSatisfying(record -> {
            assertThat(record.fingerprint()).isEqualTo("fingerprint-a");
            assertThat(record.completed()).isFalse();
            assertThat(record.createdAt()).isEqualTo(NOW);
        });
    }

    @Test
    void keysBelongToTheirOrganization() {
        assertThat(records.claim(one, "shared", "a", NOW)).isEmpty();
        assertThat(records.claim(two, "shared", "b", NOW)).isEmpty();
        assertThat(records.find(two, "shared")).hasValueSatisfying(r -> assertThat(r.fingerprint()).isEqualTo("b"));
    }

    @Test
    void aCompletedRecordCarriesItsAnswer() {
        records.claim(one, "key-1", "fingerprint-a", NOW);
        Sealed answer = new Sealed("key-7", new byte[] {4, 5, 6});

        records.complete(one, "key-1", answer);

        assertThat(records.find(one, "key-1")).hasValueSatisfying(record -> {
            assertThat(record.completed()).isTrue();
            assertThat(record.answer()).isEqualTo(answer);
        });
        records.release(one, "key-1");
        assertThat(records.find(one, "key-1")).as("a completed answer is kept").isPresent();
    }

    @Test
    void aReleasedClaimCanBeClaimedAgain() {
        records.claim(one, "key-1", "fingerprint-a", NOW);

        records.release(one, "key-1");

        assertThat(records.find(one, "key-1")).isEmpty();
        assertThat(records.claim(one, "key-1", "fingerprint-b", NOW)).isEmpty();
    }

    @Test
    void onlyOldRecordsExpire() {
        records.claim(one, "key-1", "fingerprint-a", NOW);

        assertThat(records.expire(one, "key-1", NOW)).isFalse();
        assertThat(records.find(one, "key-1")).isPresent();
        assertThat(records.expire(one, "key-1", NOW.plus(Duration.ofHours(24)))).isTrue();
        assertThat(records.find(one, "key-1")).isEmpty();
        assertThat(records.expire(one, "unknown", NOW.plus(Duration.ofHours(24)))).isFalse();
    }

    @Test
    void onlyAnUnansweredClaimOlderThanTheBoundIsTakenOverAndOnlyForTheSameBody() {
        records.claim(one, "key-1", "fingerprint-a", NOW);

        assertThat(records.takeOver(one, "key-1", "fingerprint-a", NOW, NOW.plusSeconds(1)))
                .as("a claim as young as the bound is live").isFalse();
        assertThat(records.takeOver(one, "key-1", "fingerprint-b", NOW.plusSeconds(1), NOW.plusSeconds(2)))
                .as("another body").isFalse();
        assertThat(records.find(one, "key-1")).hasValueSatisfying(
                record -> assertThat(record.createdAt()).isEqualTo(NOW));

        assertThat(records.takeOver(one, "key-1", "fingerprint-a", NOW.plusSeconds(1), NOW.plusSeconds(2))).isTrue();
        assertThat(records.find(one, "key-1")).hasValueSatisfying(record -> {
            assertThat(record.createdAt()).as("the claim is now the taker's").isEqualTo(NOW.plusSeconds(2));
            assertThat(record.completed()).isFalse();
        });
        assertThat(records.takeOver(one, "key-1", "fingerprint-a", NOW.plusSeconds(1), NOW.plusSeconds(3)))
                .as("a claim just taken over is live again").isFalse();

        records.complete(one, "key-1", new Sealed("k1", new byte[] {1}));
        assertThat(records.takeOver(one, "key-1", "fingerprint-a", NOW.plusSeconds(9), NOW.plusSeconds(9)))
                .as("an answered key is never taken over").isFalse();
        assertThat(records.takeOver(one, "unknown", "fingerprint-a", NOW.plusSeconds(9), NOW.plusSeconds(9)))
                .isFalse();
        assertThat(records.takeOver(two, "key-1", "fingerprint-a", NOW.plusSeconds(9), NOW.plusSeconds(9)))
                .as("another organization's key").isFalse();
    }

    @Test
    void exactlyOneOfManyConcurrentTakeOversOfADeadClaimWins() throws Exception {
        records.claim(one, "dead", "same", NOW);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> takeOvers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Instant now = NOW.plusSeconds(60 + i);
                takeOvers.add(pool.submit(() -> {
                    start.await();
                    return records.takeOver(one, "dead", "same", NOW.plusSeconds(50), now);
                }));
            }
            start.countDown();
            int owners = 0;
            for (Future<Boolean> takeOver : takeOvers) {
                owners += takeOver.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(owners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void exactlyOneOfManyConcurrentClaimsWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return records.claim(one, "raced", "same", NOW).isEmpty();
                }));
            }
            start.countDown();
            int owners = 0;
            for (Future<Boolean> claim : claims) {
                owners += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(owners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
