package dev.elements.core.tenant;

public record UserId(long value) {
    public UserId {
        if (value <= 0) {
            throw new IllegalArgumentException("A user id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
