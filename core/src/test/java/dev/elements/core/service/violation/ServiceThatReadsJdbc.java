package dev.elements.core.service.violation;

import java.sql.Connection;

/** Deliberately wrong, for {@code CoreArchitectureTest}: core reaching for JDBC. */
public final class ServiceThatReadsJdbc {
    private Connection connection;
}
