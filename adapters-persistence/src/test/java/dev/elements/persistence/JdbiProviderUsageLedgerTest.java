package dev.elements.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.contract.ProviderUsageLedgerContract;
import dev.elements.core.port.out.ProviderUsageLedger;
import dev.elements.core.port.out.ProviderUsageLedger.UsageReading;
import dev.elements.core.testing.Fixtures;
import dev.elements.testing.DatabaseKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Core's contract for the usage ledger on a real database, and what a database adds to it: nodes
 * recording at the same moment, the first reading of a budget included.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(DatabaseKind.class)
class JdbiProviderUsageLedgerTest extends ProviderUsageLedgerContract {
    @RegisterExtension
    static final DatabaseStores STORES = new DatabaseStores();

    private static final Instant NOW = Fixtures.NOW;
    private static final int THREADS = 12;
    private static final int READINGS_PER_THREAD = 25;

    @Parameter
    DatabaseKind database;

    @Override
    protected ProviderUsageLedger emptyLedger() {
        return STORES.emptied(database).providerUsageLedger();
    }

    @Test
    void aBlockedUntilAndItsAbsenceBothSurviveTheRoundTrip() {
        ProviderUsageLedger ledger = emptyLedger();
        ledger.record(new UsageReading("blocked", 100, NOW, NOW.plusSeconds(3600)));
        ledger.record(new UsageReading("open", 0, NOW, null));

        assertThat(ledger.latest("blocked").orElseThrow().blocked()).contains(NOW.plusSeconds(3600));
        assertThat(ledger.latest("open").orElseThrow().blocked()).isEmpty();
        assertThat(ledger.latest("open").orElseThrow().percent()).isZero();
    }

    @Test
    void aReadingOfTheSameMomentReplacesTheStoredOne() {
        ProviderUsageLedger ledger = emptyLedger();
        ledger.record(new UsageReading("bucket", 60, NOW, null));
        ledger.record(new UsageReading("bucket", 70, NOW, null));

        assertThat(ledger.latest("bucket").orElseThrow().percent()).isEqualTo(70);
    }

    /**
     * A budget's first readings, one per thread, all at once: most threads find no row, try to
     * insert, and lose to one of the others; a loser with the newer reading must still replace the
     * winner's. Many rounds, each on a budget new to the database.
     */
    @Test
    void theNewestFirstReadingWinsWhenManyInsertAtOnce() throws Exception {
        ProviderUsageLedger ledger = emptyLedger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < 40; round++) {
                String bucket = "facebooksocial:app:first-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> writers = new ArrayList<>();
                for (int thread = 0; thread < THREADS; thread++) {
                    UsageReading reading = new UsageReading(bucket, thread, NOW.plusMillis(thread), null);
                    writers.add(pool.submit(() -> {
                        start.await();
                        ledger.record(reading);
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> writer : writers) {
                    writer.get(60, TimeUnit.SECONDS);
                }

                assertThat(ledger.latest(bucket)).as("round " + round)
                        .contains(new UsageReading(bucket, THREADS - 1, NOW.plusMillis(THREADS - 1), null));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Many nodes' threads record readings of one budget in shuffled order, all starting together so
     * that several race to insert the budget's first row; whatever the interleaving, the reading
     * observed last is the one kept. Several rounds, each on a budget new to the database.
     */
    @Test
    void theNewestReadingWinsWhenManyRecordAtOnce() throws Exception {
        ProviderUsageLedger ledger = emptyLedger();
        Random random = new Random(4);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < 5; round++) {
                String bucket = "facebooksocial:app:race-" + round;
                List<UsageReading> readings = new ArrayList<>(IntStream.range(0, THREADS * READINGS_PER_THREAD)
                        .mapToObj(i -> new UsageReading(bucket, i % 101, NOW.plusMillis(i),
                                i % 2 == 0 ? null : NOW.plusSeconds(i)))
                        .toList());
                UsageReading newest = readings.get(readings.size() - 1);
                Collections.shuffle(readings, random);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> writers = new ArrayList<>();
                for (int thread = 0; thread < THREADS; thread++) {
                    List<UsageReading> own = readings.subList(thread * READINGS_PER_THREAD,
                            (thread + 1) * READINGS_PER_THREAD);
                    writers.add(pool.submit(() -> {
                        start.await();
                        own.forEach(ledger::record);
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> writer : writers) {
                    writer.get(60, TimeUnit.SECONDS);
                }

                assertThat(ledger.latest(bucket)).as("round " + round).contains(newest);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
