package dev.elements.core.hub;

/**
 * Which page of a list resource the platform wants from the provider.
 *
 * @param limit how many items at most (already capped by the instance's {@code pagination.max})
 * @param cursor the provider's cursor for the page after the previous one, or null for the first page
 */
public record PageRequest(int limit, String cursor) {
    public PageRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("A page holds at least one item");
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    @Override
    public String toString() {
        return "PageRequest[limit=" + limit + (cursor == null ? ", first" : ", after a cursor") + "]";
    }
}
