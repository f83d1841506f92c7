package dev.elements.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Instants as stored: BIGINT epoch milliseconds, the one time type H2 and PostgreSQL agree on. */
final class EpochMillis {
    private EpochMillis() {
    }

    static Long of(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static Instant read(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
