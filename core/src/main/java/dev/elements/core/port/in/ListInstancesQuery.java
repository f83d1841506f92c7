package dev.elements.core.port.in;

import java.util.List;

/**
 * {@code GET /instances} and {@code GET /elements/{keyOrId}/instances}.
 *
 * @param tags instances must carry all of them
 * @param element only instances of this element (key or id), when not null
 * @param page 1-based
 * @param pageSize at most {@link #MAX_PAGE_SIZE}
 */
public record ListInstancesQuery(List<String> tags, String element, int page, int pageSize) {
    public static final int DEFAULT_PAGE_SIZE = 200;
    public static final int MAX_PAGE_SIZE = 500;

    public ListInstancesQuery {
        tags = tags == null ? List.of() : List.copyOf(tags);
        new Validation()
                .texts("tags[]", tags, InputLimits.TAGS, InputLimits.TAG)
                .check(page >= 1, "page must be 1 or more")
                .check(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE, "pageSize must be from 1 to " + MAX_PAGE_SIZE)
                .orThrow();
    }

    public static ListInstancesQuery firstPage() {
        return new ListInstancesQuery(List.of(), null, 1, DEFAULT_PAGE_SIZE);
    }
}
