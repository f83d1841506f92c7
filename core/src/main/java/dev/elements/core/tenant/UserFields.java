package dev.elements.core.tenant;

import dev.elements.core.query.FieldType;
import dev.elements.core.query.QueryFields;
import java.util.Map;

/**
 * What {@code GET /organizations/users?where=...} can filter by, named as the user JSON names them.
 */
public final class UserFields {
    public static final QueryFields QUERYABLE = new QueryFields("/organizations/users", Map.of(
            "firstName", FieldType.TEXT,
            "lastName", FieldType.TEXT,
            "emailAddress", FieldType.TEXT,
            "active", FieldType.BOOLEAN));

    private UserFields() {
    }

    /** The user's value of a field of {@link #QUERYABLE}, for evaluating a condition. */
    public static Object valueOf(User user, String field) {
        return switch (field) {
            case "firstName" -> user.firstName();
            case "lastName" -> user.lastName();
            case "emailAddress" -> user.emailAddress();
            case "active" -> user.active();
            default -> throw new IllegalArgumentException("No user field " + field);
        };
    }
}
