package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import dev.elements.core.instance.InstanceFields;
import dev.elements.core.query.And;
import dev.elements.core.query.Comparison;
import dev.elements.core.query.Condition;
import dev.elements.core.query.FieldType;
import dev.elements.core.query.In;
import dev.elements.core.query.Like;
import dev.elements.core.query.Operator;
import dev.elements.core.query.Or;
import dev.elements.core.query.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A condition on instances (checked against {@link InstanceFields#QUERYABLE}) as SQL over the
 * {@code instances} table that runs unchanged on H2 and PostgreSQL. Every value the application sent
 * is a bind parameter ({@code :where0}, ...): the SQL text is built only from the condition's shape
 * and this class's own column names, never from a value.
 */
final class InstanceConditionSql {
    /** Not a backslash: JDBI's statement lexer reads a backslash in a quoted literal as an escape. */
    private static final char LIKE_ESCAPE = '!';
    private static final String ESCAPE_CLAUSE = " ESCAPE '" + LIKE_ESCAPE + "'";
    private static final String TAG_EXISTS =
            "EXISTS (SELECT 1 FROM instance_tags t WHERE t.instance_id = instances.id AND ";

    private final Map<String, Object> bindings = new LinkedHashMap<>();
    private final String sql;

    private InstanceConditionSql(Condition where, String searchText) {
        StringJoiner all = new StringJoiner(" AND ");
        if (where != null) {
            all.add(sql(where));
        }
        if (searchText != null) {
            String contains = parameter("%" + escapeLike(searchText.toLowerCase(Locale.ROOT), true) + "%");
            all.add("(LOWER(name) LIKE " + contains + ESCAPE_CLAUSE + " OR " + TAG_EXISTS + "LOWER(t.tag) LIKE "
                    + contains + ESCAPE_CLAUSE + "))");
        }
        this.sql = all.toString();
    }

    /** @param where the condition, or null; @param searchText the text to find in name or tags, or null */
    static InstanceConditionSql of(Condition where, String searchText) {
        return new InstanceConditionSql(where, searchText);
    }

    /** {@code " AND (...)"} to append to a WHERE clause, or empty when there is nothing to filter by. */
    String andClause() {
        return sql.isEmpty() ? "" : " AND " + sql;
    }

    <S extends SqlStatement<S>> S bind(S statement) {
        bindings.forEach(statement::bind);
        return statement;
    }

    private String sql(Condition condition) {
        if (condition instanceof And and) {
            return joined(and.conditions(), " AND ");
        }
        if (condition instanceof Or or) {
            return joined(or.conditions(), " OR ");
        }
        if (condition instanceof Comparison comparison) {
            return comparison(comparison.field(), comparison.operator(), comparison.value());
        }
        if (condition instanceof In in) {
            if (type(in.field()) == FieldType.TEXT_LIST) {
                StringJoiner values = new StringJoiner(", ");
                in.values().forEach(value -> values.add(parameter(bound(in.field(), value))));
                return TAG_EXISTS + "t.tag IN (" + values + "))";
            }
            StringJoiner any = new StringJoiner(" OR ", "(", ")");
            in.values().forEach(value -> any.add(comparison(in.field(), Operator.EQUAL, value)));
            return any.toString();
        }
        Like like = (Like) condition;
        String pattern = parameter(escapeLike(like.pattern(), false));
        return type(like.field()) == FieldType.TEXT_LIST
                ? TAG_EXISTS + "t.tag LIKE " + pattern + ESCAPE_CLAUSE + ")"
                : column(like.field()) + " LIKE " + pattern + ESCAPE_CLAUSE;
    }

    private String joined(List<Condition> conditions, String operator) {
        StringJoiner joined = new StringJoiner(operator, "(", ")");
        conditions.forEach(part -> joined.add(sql(part)));
        return joined.toString();
    }

    private String comparison(String field, Operator operator, Value value) {
        String parameter = parameter(bound(field, value));
        if (type(field) == FieldType.TEXT_LIST) {
            // The checked condition compares tags with = and != only: has the tag, or has it not.
            String exists = TAG_EXISTS + "t.tag = " + parameter + ")";
            return operator == Operator.EQUAL ? exists : "NOT " + exists;
        }
        String symbol = operator == Operator.NOT_EQUAL ? "<>" : operator.symbol();
        return column(field) + " " + symbol + " " + parameter;
    }

    private static FieldType type(String field) {
        return InstanceFields.QUERYABLE.typeOf(field);
    }

    private static String column(String field) {
        return switch (field) {
            case "id" -> "id";
            case "name" -> "name";
            // The stored status is the credentials'; a disabled instance shows DISABLED, as the JSON does.
            case "status" -> "(CASE WHEN disabled THEN 'DISABLED' ELSE status END)";
            case "createdDate" -> "created_at";
            case "disabled" -> "disabled";
            default -> throw new IllegalArgumentException("No column for " + field);
        };
    }

    /** The value as the column stores it: times are epoch milliseconds (see {@link StoredTypes}). */
    private static Object bound(String field, Value value) {
        if (type(field) == FieldType.TIMESTAMP) {
            return ((Value.Text) value).instant().orElseThrow().toEpochMilli();
        }
        if (value instanceof Value.Text text) {
            return text.text();
        }
        if (value instanceof Value.Numeric number) {
            return number.number();
        }
        return ((Value.Bool) value).bool();
    }

    private String parameter(Object value) {
        String name = "where" + bindings.size();
        bindings.put(name, requireNonNull(value, "value"));
        return ":" + name;
    }

    /**
     * A LIKE pattern in which only CEQL's wildcard {@code %} is one (unless {@code percentToo}, for
     * a text searched as it is): {@code _} and the escape character stand for themselves.
     */
    private static String escapeLike(String text, boolean percentToo) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == LIKE_ESCAPE || c == '_' || (percentToo && c == '%')) {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
