package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import dev.elements.core.port.out.ReadinessCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answers {@code SELECT 1} now and, after a write failed, whether it stores a
 * write again (so a full disk reads DOWN until space returns, and UP again without a restart).
 * The probe runs on its own thread because
 * borrowing a connection from the pool can block for the pool's whole connection timeout when the
 * database is gone, and a health endpoint must answer within a second or two. Polls that arrive
 * while a probe is under way share its answer, so many at once (monitors, load balancers, a load
 * test) neither read DOWN for want of a probe thread nor queue one query each.
 */
final class DatabaseReadinessCheck implements ReadinessCheck, AutoCloseable {
    static final String NAME = "database";
    /**
     * Probes that may wait on a hung database at once. A health check that finds them all still
     * waiting answers DOWN at once, instead of leaving one more thread behind per poll.
     */
    static final int MAX_WAITING_PROBES = 4;
    /**
     * How long an UP answer stands for later polls, unless a write has failed since: load
     * balancers and monitors poll together, and a query per poll would be most of the cost of
     * {@code /health}, on the database every request needs.
     */
    static final Duration UP_REUSED_FOR = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseReadinessCheck.class);

    private final DataSource dataSource;
    private final Duration timeout;
    private final StorageFailures failures;
    private final WriteProbe writeProbe;
    private final ExecutorService probes;
    private Probe inFlight;
    private volatile long lastUpNanos = System.nanoTime() - UP_REUSED_FOR.toNanos();
    private volatile boolean closed;

    DatabaseReadinessCheck(DataSource dataSource, Duration timeout, StorageFailures failures, WriteProbe writeProbe) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.timeout = requireNonNull(timeout, "timeout");
        this.failures = requireNonNull(failures, "failures");
        this.writeProbe = requireNonNull(writeProbe, "writeProbe");
        this.probes = new ThreadPoolExecutor(0, MAX_WAITING_PROBES, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "elements-database-readiness");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean ready() {
        if (closed) {
            return false;
        }
        long now = System.nanoTime();
        if (!failures.failing() && now - lastUpNanos < UP_REUSED_FOR.toNanos()) {
            return true;
        }
        Probe probe = currentProbe(now);
        if (probe == null) {
            return false;
        }
        try {
            return probe.answer().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            LOG.warn("The database did not answer within {} ms", timeout.toMillis());
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | RuntimeException failed) {
            LOG.warn("The database readiness probe failed: {}", failed.toString());
            return false;
        }
    }

    /** A probe under way and when it started; an UP answer stands from then. */
    private record Probe(CompletableFuture<Boolean> answer, long startedNanos) {
    }

    /**
     * The probe under way, if it is younger than the timeout (every poll meanwhile shares it), or
     * a new one; null when the probes that may wait on the database are all waiting.
     */
    private synchronized Probe currentProbe(long now) {
        if (inFlight != null && !inFlight.answer().isDone() && now - inFlight.startedNanos() < timeout.toNanos()) {
            return inFlight;
        }
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        try {
            probes.execute(() -> {
                try {
                    boolean up = selectOne() && (!failures.failing() || writeProbe.storesWrites());
                    if (up) {
                        lastUpNanos = now;
                    }
                    answer.complete(up);
                } catch (RuntimeException failed) {
                    answer.completeExceptionally(failed);
                }
            });
        } catch (RejectedExecutionException closedOrAllProbesWaiting) {
            return null;
        }
        inFlight = new Probe(answer, now);
        return inFlight;
    }

    private boolean selectOne() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet result = statement.executeQuery("SELECT 1")) {
                return result.next() && result.getInt(1) == 1;
            }
        } catch (SQLException | RuntimeException failed) {
            LOG.warn("The database is not ready: {}", failed.getMessage());
            if (StorageFailures.isStorageFailure(failed)) {
                failures.failed(failed);
            }
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        probes.shutdownNow();
    }
}
