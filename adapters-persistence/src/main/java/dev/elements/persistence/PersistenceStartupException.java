package dev.elements.persistence;

/**
 * The store cannot start: the database is unreachable or refuses the login, the schema cannot be
 * migrated, or the master key does not open the stored keys. The message is written for the
 * operator and never contains a password; the server prints it and exits.
 */
public final class PersistenceStartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PersistenceStartupException(String message) {
        super(message);
    }

    public PersistenceStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
