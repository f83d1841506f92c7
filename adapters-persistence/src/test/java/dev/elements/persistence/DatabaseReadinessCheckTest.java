package dev.elements.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.testing.Await;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * {@code /health} polls a database that hangs: each poll is DOWN, and the threads they leave are
 * bounded. Many polls at once of a database that answers: all UP, with one query between them.
 */
class DatabaseReadinessCheckTest {
    @Test
    void pollsArrivingTogetherShareOneProbeAndAllReadUp() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:readiness-" + UUID.randomUUID());
        GatedDataSource gated = new GatedDataSource(release, h2);
        StorageFailures failures = new StorageFailures(() -> { });
        ExecutorService pollers = Executors.newFixedThreadPool(16);
        try (DatabaseReadinessCheck check = new DatabaseReadinessCheck(gated, Duration.ofSeconds(30), failures,
                new WriteProbe(gated, failures, Clock.systemUTC()))) {
            List<Future<Boolean>> polls = new ArrayList<>();
            for (int poll = 0; poll < 16; poll++) {
                polls.add(pollers.submit(check::ready));
            }
            Await.until("the first poll's probe reaches the database", Duration.ofSeconds(30),
                    () -> gated.waiting.get() == 1);
            release.countDown();
            for (Future<Boolean> poll : polls) {
                assertThat(poll.get(30, TimeUnit.SECONDS)).as("a poll among 16 at once").isTrue();
            }
            assertThat(check.ready()).as("a poll just after").isTrue();
            assertThat(gated.waiting.get()).as("database connections taken for 17 polls").isEqualTo(1);
        } finally {
            release.countDown();
            pollers.shutdownNow();
        }
    }

    @Test
    void aHungDatabaseAnswersDownWithoutAThreadLeftBehindPerPoll() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GatedDataSource hung = new GatedDataSource(release, null);
        StorageFailures failures = new StorageFailures(() -> { });
        try (DatabaseReadinessCheck check = new DatabaseReadinessCheck(hung, Duration.ofMillis(20), failures,
                new WriteProbe(hung, failures, Clock.systemUTC()))) {
            for (int poll = 0; poll < 20; poll++) {
                assertThat(check.ready()).as("poll %d", poll).isFalse();
            }
            Await.until("the admitted probes reach the database", Duration.ofSeconds(30),
                    () -> hung.waiting.get() >= DatabaseReadinessCheck.MAX_WAITING_PROBES);
            assertThat(hung.waiting.get()).as("probes waiting on the hung database, one per poll before")
                    .isEqualTo(DatabaseReadinessCheck.MAX_WAITING_PROBES);
        } finally {
            release.countDown();
        }
    }

    /** A database whose every connection attempt hangs until released; then fails, or connects to {@code then}. */
    private static final class GatedDataSource implements DataSource {
        private final CountDownLatch release;
        private final DataSource then;
        private final AtomicInteger waiting = new AtomicInteger();

        GatedDataSource(CountDownLatch release, DataSource then) {
            this.release = release;
            this.then = then;
        }

        @Override
        public Connection getConnection() throws SQLException {
            waiting.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                // Cancelled by the check's timeout; the thread keeps waiting as a driver's would.
                try {
                    release.await();
                } catch (InterruptedException again) {
                    Thread.currentThread().interrupt();
                }
            }
            if (then == null) {
                throw new SQLException("released");
            }
            return then.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
