package dev.elements.core.query;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code field in (v1, v2, ...)}: the field equals one of the values. */
public record In(String field, List<Value> values) implements Condition {
    public In {
        requireNonNull(field, "field");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("in needs one value or more");
        }
    }
}
