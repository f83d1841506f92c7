package dev.elements.core.port.in;

import dev.elements.core.instance.InstanceFields;
import dev.elements.core.query.Condition;
import java.util.List;

/**
 * {@code GET /instances} and {@code GET /elements/{keyOrId}/instances}.
 *
 * @param tags instances must carry all of them
 * @param element only instances of this element (key or id), when not null
 * @param where Cloud Elements' CEQL condition on {@link InstanceFields#QUERYABLE}, when not null
 * @param searchText only instances whose name or a tag contains it, ignoring case, when not null
 * @param page 1-based
 * @param pageSize at most {@link #MAX_PAGE_SIZE}
 */
public record ListInstancesQuery(List<String> tags, String element, Condition where, String searchText, int page,
        int pageSize) {
    public static final int DEFAULT_PAGE_SIZE = 200;
    public static final int MAX_PAGE_SIZE = 500;

    public ListInstancesQuery {
        tags = tags == null ? List.of() : List.copyOf(tags);
        searchText = searchText == null || searchText.isEmpty() ? null : searchText;
        new Validation()
                .texts("tags[]", tags, InputLimits.TAGS, InputLimits.TAG)
                .text("searchText", searchText, InputLimits.INSTANCE_NAME)
                .check(page >= 1, "page must be 1 or more")
                .check(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE, "pageSize must be from 1 to " + MAX_PAGE_SIZE)
                .orThrow();
        if (where != null) {
            InstanceFields.QUERYABLE.check(where);
        }
    }

    public static ListInstancesQuery firstPage() {
        return new ListInstancesQuery(List.of(), null, null, null, 1, DEFAULT_PAGE_SIZE);
    }
}
