package dev.elements.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.testing.Await;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** {@code /health} polls a database that hangs: each poll is DOWN, and the threads they leave are bounded. */
class DatabaseReadinessCheckTest {
    @Test
    void aHungDatabaseAnswersDownWithoutAThreadLeftBehindPerPoll() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HungDataSource hung = new HungDataSource(release);
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

    /** A database whose every connection attempt hangs until released. */
    private static final class HungDataSource implements DataSource {
        private final CountDownLatch release;
        private final AtomicInteger waiting = new AtomicInteger();

        HungDataSource(CountDownLatch release) {
            this.release = release;
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
            throw new SQLException("released");
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
