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
    private final Clock clock;

    WriteProbe(DataSource dataSource, StorageFailures failures, Clock clock) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.failures = requireNonNull(failures, "failures");
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
