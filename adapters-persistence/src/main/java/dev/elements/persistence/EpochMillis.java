package dev.elements.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Instants as stored (BIGINT epoch milliseconds, see {@link StoredTypes}), read by the row mappers
 * that build their records by hand.
 */
final class EpochMillis {
    private EpochMillis() {
    }

    static Instant read(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
