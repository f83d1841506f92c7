package dev.elements.core.tenant;

public record OrganizationId(long value) {
    public OrganizationId {
        if (value <= 0) {
            throw new IllegalArgumentException("An organization id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
