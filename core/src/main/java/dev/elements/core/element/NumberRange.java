package dev.elements.core.element;

/**
 * The whole numbers a numeric configuration value may take, bounds included. Declared per entry so
 * that a value the platform would compute with (seconds added to a time, a page size) is refused
 * with a 400 naming its bounds, instead of overflowing later, after the provider has been asked.
 *
 * @param minimum the smallest value allowed
 * @param maximum the largest value allowed
 */
public record NumberRange(long minimum, long maximum) {
    /** Any positive {@code long}: what an entry that declares no bounds accepts. */
    public static final NumberRange POSITIVE = new NumberRange(1, Long.MAX_VALUE);

    public NumberRange {
        if (minimum > maximum) {
            throw new IllegalArgumentException("An empty range: " + minimum + ".." + maximum);
        }
    }

    public boolean contains(long value) {
        return value >= minimum && value <= maximum;
    }

    @Override
    public String toString() {
        return "from " + minimum + " to " + maximum;
    }
}
