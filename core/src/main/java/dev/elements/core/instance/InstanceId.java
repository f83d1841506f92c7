package dev.elements.core.instance;

import java.util.Optional;

public record InstanceId(long value) {
    public InstanceId {
        if (value <= 0) {
            throw new IllegalArgumentException("An instance id is positive: " + value);
        }
    }

    /** Reads an id from a path segment; empty when it is not a positive number. */
    public static Optional<InstanceId> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        long value = Long.parseLong(text);
        return value > 0 ? Optional.of(new InstanceId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
