package dev.elements.core.port.out;

import java.util.List;

/**
 * A page of an organization's instances.
 *
 * @param tags instances must carry every one of these tags
 * @param elementKey only instances of this element, when not null
 * @param offset how many matching instances to skip
 * @param limit how many to return at most
 */
public record InstanceQuery(List<String> tags, String elementKey, int offset, int limit) {
    public InstanceQuery {
        tags = List.copyOf(tags);
        if (offset < 0 || limit <= 0) {
            throw new IllegalArgumentException("offset >= 0 and limit > 0");
        }
    }

    public static InstanceQuery all() {
        return new InstanceQuery(List.of(), null, 0, Integer.MAX_VALUE);
    }
}
