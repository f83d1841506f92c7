package dev.elements.core.element;

/** The Cloud Elements input types of configuration entries; {@code PASSWORD} marks secrets. */
public enum ConfigurationType {
    TEXTFIELD_32(32),
    TEXTFIELD_64(64),
    TEXTFIELD_128(128),
    TEXTFIELD_1000(1000),
    TEXTAREA(10_000),
    BOOLEAN(5),
    PASSWORD(4_000);

    private final int maxLength;

    ConfigurationType(int maxLength) {
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }
}
