package dev.elements.core.query;

import java.util.List;

/** True when every one of its conditions is; {@code a and b and c} is one {@code And} of three. */
public record And(List<Condition> conditions) implements Condition {
    public And {
        conditions = List.copyOf(conditions);
        if (conditions.size() < 2) {
            throw new IllegalArgumentException("and joins two conditions or more");
        }
    }
}
