package dev.elements.core.port.out;

import dev.elements.core.query.Condition;
import java.util.List;

/**
 * A page of an organization's instances.
 *
 * @param tags instances must carry every one of these tags
 * @param elementKey only instances of this element, when not null
 * @param where only instances this condition holds for (checked against
 *     {@link dev.elements.core.instance.InstanceFields#QUERYABLE}), when not null
 * @param searchText only instances whose name or one of whose tags contains this text, ignoring case,
 *     when not null
 * @param offset how many matching instances to skip
 * @param limit how many to return at most
 */
public record InstanceQuery(List<String> tags, String elementKey, Condition where, String searchText, int offset,
        int limit) {
    public InstanceQuery {
        tags = List.copyOf(tags);
        if (offset < 0 || limit <= 0) {
            throw new IllegalArgumentException("offset >= 0 and limit > 0");
        }
    }

    public static InstanceQuery all() {
        return new InstanceQuery(List.of(), null, null, null, 0, Integer.MAX_VALUE);
    }

    /** The same filter without its page, for counting. */
    public InstanceQuery unpaged() {
        return new InstanceQuery(tags, elementKey, where, searchText, 0, Integer.MAX_VALUE);
    }
}
