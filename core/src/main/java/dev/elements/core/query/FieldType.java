package dev.elements.core.query;

/** What a filterable field holds, which decides the values and operators it takes. */
public enum FieldType {
    /** Compared as text; every operator, {@code like} included. */
    TEXT,
    /** Compared as a number; every operator but {@code like}. */
    NUMBER,
    /** {@code true} or {@code false}; only {@code =}, {@code !=} and {@code in}. */
    BOOLEAN,
    /** A point in time, written as an ISO-8601 text; every operator but {@code like}. */
    TIMESTAMP,
    /**
     * Several texts (an instance's tags): {@code =} and {@code in} hold when one of them matches,
     * {@code !=} when none equals the value, {@code like} when one matches the pattern.
     */
    TEXT_LIST
}
