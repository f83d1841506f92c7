package dev.elements.core.query;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates a checked condition on one item in memory, for stores without a query language of
 * their own. The item's field values are {@link String} (TEXT), {@link BigDecimal} (NUMBER),
 * {@link Boolean}, {@link Instant} (TIMESTAMP) or a {@code List<String>} (TEXT_LIST).
 */
public final class ConditionMatcher {
    private final QueryFields fields;

    public ConditionMatcher(QueryFields fields) {
        this.fields = requireNonNull(fields, "fields");
    }

    /** @param values the item's value of each field */
    public boolean matches(Condition condition, Function<String, Object> values) {
        if (condition instanceof And and) {
            return and.conditions().stream().allMatch(part -> matches(part, values));
        }
        if (condition instanceof Or or) {
            return or.conditions().stream().anyMatch(part -> matches(part, values));
        }
        if (condition instanceof Comparison comparison) {
            return compare(comparison.field(), values.apply(comparison.field()), comparison.operator(),
                    comparison.value());
        }
        if (condition instanceof In in) {
            return in.values().stream()
                    .anyMatch(value -> compare(in.field(), values.apply(in.field()), Operator.EQUAL, value));
        }
        Like like = (Like) condition;
        Object actual = values.apply(like.field());
        return actual instanceof List<?> texts
                ? texts.stream().anyMatch(text -> like.matches((String) text))
                : like.matches((String) actual);
    }

    private boolean compare(String field, Object actual, Operator operator, Value value) {
        return switch (fields.typeOf(field)) {
            case TEXT -> operator.holdsFor(((String) actual).compareTo(((Value.Text) value).text()));
            case NUMBER -> operator.holdsFor(((BigDecimal) actual).compareTo(((Value.Numeric) value).number()));
            case BOOLEAN -> operator.holdsFor(actual.equals(((Value.Bool) value).bool()) ? 0 : 1);
            case TIMESTAMP -> operator.holdsFor(((Instant) actual).compareTo(((Value.Text) value).instant()
                    .orElseThrow()));
            case TEXT_LIST -> {
                boolean contains = ((List<?>) actual).contains(((Value.Text) value).text());
                yield operator == Operator.EQUAL ? contains : !contains;
            }
        };
    }
}
