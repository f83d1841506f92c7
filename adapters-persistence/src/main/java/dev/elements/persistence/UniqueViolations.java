package dev.elements.persistence;

import java.sql.SQLException;

/** Recognises a refused duplicate behind whatever wraps the driver's exception. */
final class UniqueViolations {
    /** The SQL standard's state for a unique violation; H2 and PostgreSQL both report it. */
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
