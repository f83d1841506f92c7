package dev.elements.http;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.event.EventId;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.tenant.UserId;
import java.util.OptionalLong;

/**
 * Ids from path segments. A segment that is no positive number names nothing, so it gets the 404 of
 * an unknown id rather than a 400: a path either names something of the caller's or it does not.
 */
final class PathIds {
    private static final int MAX_DIGITS = 18;

    private PathIds() {
    }

    static InstanceId instance(String segment) {
        return InstanceId.parse(segment)
                .orElseThrow(() -> new PlatformException(ErrorCode.INSTANCE_NOT_FOUND, "No instance with that id"));
    }

    /** An event id is 32 lower-case hex digits; any other segment names no event. */
    static EventId event(String segment) {
        try {
            return new EventId(segment);
        } catch (PlatformException e) {
            throw new PlatformException(ErrorCode.RESOURCE_NOT_FOUND, "No event with that id");
        }
    }

    static UserId user(String segment) {
        OptionalLong value = positive(segment);
        if (value.isEmpty()) {
            throw new PlatformException(ErrorCode.USER_NOT_FOUND, "No user with that id");
        }
        return new UserId(value.getAsLong());
    }

    static long configuration(String segment) {
        OptionalLong value = positive(segment);
        if (value.isEmpty()) {
            throw new PlatformException(ErrorCode.RESOURCE_NOT_FOUND, "No configuration entry with that id");
        }
        return value.getAsLong();
    }

    private static OptionalLong positive(String segment) {
        if (segment == null || segment.isEmpty() || segment.length() > MAX_DIGITS
                || !segment.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long value = Long.parseLong(segment);
        return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
    }
}
