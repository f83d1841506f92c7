package dev.elements.persistence;

import java.sql.SQLException;

/**
 * Database failures in a form that may be logged. H2 quotes the whole row in some messages (a
 * duplicate primary key, for one), ciphertexts included, and has no setting against it; so the
 * writes that carry sealed credentials replace such a failure with its SQL state and what was
 * being done. The stack traces stay, so the failure can still be located.
 */
final class RedactedFailures {
    private RedactedFailures() {
    }

    static RuntimeException redacted(String action, RuntimeException failure) {
        SQLException database = firstSqlException(failure);
        if (database == null) {
            return failure;
        }
        SQLException withheld = new SQLException("SQLSTATE " + database.getSQLState() + ", vendor code "
                + database.getErrorCode() + " (the database's message is withheld: it may quote stored values)",
                database.getSQLState(), database.getErrorCode());
        withheld.setStackTrace(database.getStackTrace());
        IllegalStateException replaced =
                new IllegalStateException(action + " failed with SQLSTATE " + database.getSQLState(), withheld);
        replaced.setStackTrace(failure.getStackTrace());
        return replaced;
    }

    private static SQLException firstSqlException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
