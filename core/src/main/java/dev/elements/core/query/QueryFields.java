package dev.elements.core.query;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.error.RequestValues;
import java.util.TreeMap;
import java.util.Map;

/**
 * The fields one list can be filtered by, and the check of a condition against them: every field
 * known, every value of the field's type, every operator one the type has. A condition that passes
 * can be evaluated and translated without further surprises.
 *
 * @param list the list, for messages, such as {@code /instances}
 * @param types each field's type (messages list them alphabetically)
 */
public record QueryFields(String list, Map<String, FieldType> types) {
    public QueryFields {
        requireNonNull(list, "list");
        types = java.util.Collections.unmodifiableMap(new TreeMap<>(types));
    }

    /** The type of a field the check has passed. */
    public FieldType typeOf(String field) {
        FieldType type = types.get(field);
        if (type == null) {
            throw invalid("unknown field " + RequestValues.quote(field) + "; " + list + " can be filtered by "
                    + String.join(", ", types.keySet()));
        }
        return type;
    }

    /**
     * @return the condition, checked
     * @throws PlatformException {@code INVALID_FIELD} naming the field, value or operator that does not fit
     */
    public Condition check(Condition condition) {
        if (condition instanceof And and) {
            and.conditions().forEach(this::check);
        } else if (condition instanceof Or or) {
            or.conditions().forEach(this::check);
        } else if (condition instanceof Comparison comparison) {
            FieldType type = typeOf(comparison.field());
            if (comparison.operator().orders() && (type == FieldType.BOOLEAN || type == FieldType.TEXT_LIST)) {
                throw invalid(comparison.field() + " cannot be compared with " + comparison.operator().symbol()
                        + "; it takes =, != and in");
            }
            checkValue(comparison.field(), type, comparison.value());
        } else if (condition instanceof In in) {
            FieldType type = typeOf(in.field());
            in.values().forEach(value -> checkValue(in.field(), type, value));
        } else if (condition instanceof Like like) {
            FieldType type = typeOf(like.field());
            if (type != FieldType.TEXT && type != FieldType.TEXT_LIST) {
                throw invalid(like.field() + " is no text, so like does not apply to it");
            }
            if (like.wildcards() > Like.MOST_WILDCARDS) {
                // Matching many wildcards backtracks in databases' LIKE: H2 takes minutes on a long name.
                throw invalid("a like pattern has at most " + Like.MOST_WILDCARDS
                        + " %, such as 'a%', '%a%' or 'a%b'");
            }
        }
        return condition;
    }

    private static void checkValue(String field, FieldType type, Value value) {
        boolean fits = switch (type) {
            case TEXT, TEXT_LIST -> value instanceof Value.Text;
            case NUMBER -> value instanceof Value.Numeric;
            case BOOLEAN -> value instanceof Value.Bool;
            case TIMESTAMP -> value instanceof Value.Text text && text.instant().isPresent();
        };
        if (!fits) {
            throw invalid(field + " takes " + switch (type) {
                case TEXT, TEXT_LIST -> "a 'quoted' text";
                case NUMBER -> "a number";
                case BOOLEAN -> "true or false";
                case TIMESTAMP -> "an ISO-8601 date or date-time in quotes, such as '2026-01-15T00:00:00Z'";
            } + ", not " + RequestValues.quote(value.written()));
        }
    }

    private static PlatformException invalid(String problem) {
        return new PlatformException(ErrorCode.INVALID_FIELD, "where: " + problem);
    }
}
