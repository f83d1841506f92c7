package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleCallbackDecorator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures of the database itself (a full disk, a read-only file system, a database that is gone),
 * told apart from failures of one statement: they become a 503 that says storage is unavailable,
 * so that nothing is acknowledged that was not stored, and they mark the database as failing until
 * a write succeeds again, so that {@code /health} says DOWN meanwhile.
 */
final class StorageFailures implements HandleCallbackDecorator {
    static final String MESSAGE = "The platform's storage is unavailable and cannot store this request now;"
            + " nothing was changed by it, try again later";

    private static final Logger LOG = LoggerFactory.getLogger(StorageFailures.class);
    /**
     * SQLSTATE classes of the database and not of the statement, PostgreSQL's included: connection
     * (08), insufficient resources such as a full disk (53), operator intervention (57), system
     * errors such as I/O (58), and a read-only transaction (25006).
     */
    private static final Set<String> STATE_CLASSES = Set.of("08", "53", "57", "58");
    private static final String READ_ONLY_TRANSACTION = "25006";
    /** In class 57, but one statement's: cancelled, or past its statement timeout. */
    private static final String QUERY_CANCELED = "57014";
    /**
     * H2's codes for the same: I/O (90028, 90031), file corrupted (90030), read only (90097), closed
     * (90098), no disk space (90100), called at shutdown (90121), and its general error (50000),
     * which is how a failing file store surfaces.
     */
    private static final Set<Integer> H2_CODES = Set.of(90028, 90030, 90031, 90097, 90098, 90100, 90121, 50000);

    private final AtomicBoolean failing = new AtomicBoolean();
    private final Runnable renewConnections;

    /**
     * @param renewConnections called on every storage failure: a connection to a database that
     *     failed may stay broken after it recovers (H2 closes itself on a failed write, and the pool
     *     does not know H2's codes for that), so later work must not borrow it
     */
    StorageFailures(Runnable renewConnections) {
        this.renewConnections = requireNonNull(renewConnections, "renewConnections");
    }

    /** Since the last storage failure, no write has succeeded. */
    boolean failing() {
        return failing.get();
    }

    /** A write went through: the storage works again. */
    void recovered() {
        if (failing.compareAndSet(true, false)) {
            LOG.info("The database stores writes again");
        }
    }

    void failed(Throwable failure) {
        if (failing.compareAndSet(false, true)) {
            LOG.error("The database cannot store writes: {}", describe(failure));
        }
        renewConnections.run();
    }

    @Override
    public <R, X extends Exception> HandleCallback<R, X> decorate(HandleCallback<R, X> callback) {
        return handle -> {
            try {
                return callback.withHandle(handle);
            } catch (RuntimeException e) {
                throw translated(e);
            }
        };
    }

    /** Borrowing a connection fails the same way when the database is gone. */
    ConnectionFactory connections(ConnectionFactory connections) {
        return () -> {
            try {
                return connections.openConnection();
            } catch (SQLException e) {
                if (!isStorageFailure(e)) {
                    throw e;
                }
                throw translated(e);
            }
        };
    }

    private <T extends Throwable> RuntimeException translated(T failure) {
        if (!isStorageFailure(failure)) {
            return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        failed(failure);
        // The database's own message may quote the row being written: the cause keeps its state only.
        SQLException database = firstSqlException(failure);
        SQLException withheld = database == null
                ? new SQLException(failure.getClass().getName())
                : new SQLException("SQLSTATE " + database.getSQLState() + ", vendor code " + database.getErrorCode(),
                        database.getSQLState(), database.getErrorCode());
        return new PlatformException(ErrorCode.STORAGE_UNAVAILABLE, MESSAGE, null, null, withheld);
    }

    static PlatformException unavailable() {
        return new PlatformException(ErrorCode.STORAGE_UNAVAILABLE, MESSAGE);
    }

    static boolean isStorageFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && !QUERY_CANCELED.equals(state) && (READ_ONLY_TRANSACTION.equals(state)
                        || state.length() >= 2 && STATE_CLASSES.contains(state.substring(0, 2)))) {
                    return true;
                }
                if (H2_CODES.contains(sql.getErrorCode())
                        && (String.valueOf(sql.getErrorCode()).equals(state) || "HY000".equals(state))) {
                    return true;
                }
            }
            if (cause.getClass().getName().startsWith("org.h2.mvstore.")) {
                return true;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }

    private static SQLException firstSqlException(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String describe(Throwable failure) {
        SQLException database = firstSqlException(failure);
        return database == null ? failure.getClass().getName()
                : "SQLSTATE " + database.getSQLState() + ", vendor code " + database.getErrorCode();
    }
}
