package dev.elements.core.query;

import java.util.List;

/** True when any one of its conditions is; {@code a or b or c} is one {@code Or} of three. */
public record Or(List<Condition> conditions) implements Condition {
    public Or {
        conditions = List.copyOf(conditions);
        if (conditions.size() < 2) {
            throw new IllegalArgumentException("or joins two conditions or more");
        }
    }
}
