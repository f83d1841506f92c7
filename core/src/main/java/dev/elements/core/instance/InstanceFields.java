package dev.elements.core.instance;

import dev.elements.core.query.FieldType;
import dev.elements.core.query.QueryFields;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * What {@code GET /instances?where=...} can filter by, named as the instance JSON names them:
 * {@code id}, {@code name}, {@code tags}, {@code status}, {@code createdDate}, {@code disabled}.
 */
public final class InstanceFields {
    public static final QueryFields QUERYABLE = new QueryFields("/instances", Map.of(
            "id", FieldType.NUMBER,
            "name", FieldType.TEXT,
            "tags", FieldType.TEXT_LIST,
            "status", FieldType.TEXT,
            "createdDate", FieldType.TIMESTAMP,
            "disabled", FieldType.BOOLEAN));

    private InstanceFields() {
    }

    /** The instance's value of a field of {@link #QUERYABLE}, for evaluating a condition in memory. */
    public static Object valueOf(Instance instance, String field) {
        return switch (field) {
            case "id" -> BigDecimal.valueOf(instance.id().value());
            case "name" -> instance.name();
            case "tags" -> instance.tags();
            case "status" -> instance.status().name();
            case "createdDate" -> instance.createdAt().truncatedTo(ChronoUnit.MILLIS);
            case "disabled" -> instance.disabled();
            default -> throw new IllegalArgumentException("No instance field " + field);
        };
    }
}
