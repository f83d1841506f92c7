package dev.elements.testing;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One empty database made for a test. H2 is given as the directory its files go in, because the
 * persistence adapter owns the H2 URL's settings; PostgreSQL as a JDBC URL with its login.
 *
 * @param h2Directory for {@link DatabaseKind#H2}: the data directory; otherwise null
 * @param postgresUrl for {@link DatabaseKind#POSTGRESQL}: the JDBC URL; otherwise null
 */
public record TestDatabase(DatabaseKind kind, Path h2Directory, String postgresUrl, String user, String password) {
    public TestDatabase {
        requireNonNull(kind, "kind");
        if ((kind == DatabaseKind.H2) != (h2Directory != null) || (kind == DatabaseKind.POSTGRESQL) != (postgresUrl != null)) {
            throw new IllegalArgumentException("An H2 database has a directory, a PostgreSQL one a URL: " + kind);
        }
    }

    @Override
    public String toString() {
        return kind == DatabaseKind.H2 ? "H2 in " + h2Directory : "PostgreSQL at " + postgresUrl;
    }
}
