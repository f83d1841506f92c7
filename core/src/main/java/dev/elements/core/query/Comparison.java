package dev.elements.core.query;

import static java.util.Objects.requireNonNull;

/** {@code field <operator> value}, such as {@code name = 'Acme'} or {@code id >= 12}. */
public record Comparison(String field, Operator operator, Value value) implements Condition {
    public Comparison {
        requireNonNull(field, "field");
        requireNonNull(operator, "operator");
        requireNonNull(value, "value");
    }
}
