package dev.elements.core.element;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** The stable, URL-safe name of an element, such as {@code facebooksocial}. */
public record ElementKey(String value) {
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public ElementKey {
        requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("An element key is lower-case letters, digits, '-' and '_': " + value);
        }
    }

    public static ElementKey of(String value) {
        return new ElementKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
