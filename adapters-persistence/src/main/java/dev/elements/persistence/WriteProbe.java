package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Whether the database stores a write now: one committed update of the {@code write_probe} row. A
 * read answers even from a database that cannot store anything (H2 opens a read-only file, a full
 * disk only fails commits), so only a write tells.
 */
final class WriteProbe {
    private final DataSource dataSource;
    private final StorageFailures failures;
    private final Runnable renewConnections;
    private final Clock clock;

    /**
     * @param renewConnections called after a failed probe: connections to a database that failed
     *     may stay broken after it recovers, so the next probe must not borrow them
     */
    WriteProbe(DataSource dataSource, StorageFailures failures, Runnable renewConnections, Clock clock) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.failures = requireNonNull(failures, "failures");
        this.renewConnections = requireNonNull(renewConnections, "renewConnections");
        this.clock = requireNonNull(clock, "clock");
    }

    boolean storesWrites() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE write_probe SET probed_at = ? WHERE id = 1")) {
            connection.setAutoCommit(true);
            update.setLong(1, clock.millis());
            update.executeUpdate();
            failures.recovered();
            return true;
        } catch (SQLException | RuntimeException e) {
            failures.failed(e);
            renewConnections.run();
            return false;
        }
    }

    /** Before work that cannot be undone (spending an authorization code): fails fast while writes fail. */
    void requireStorageWhenFailing() {
        if (failures.failing() && !storesWrites()) {
            throw StorageFailures.unavailable();
        }
    }
}
