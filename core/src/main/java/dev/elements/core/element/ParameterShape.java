package dev.elements.core.element;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the value of a resource's path placeholder must look like, as the element declares it: the
 * shape of its provider's ids. A value of another shape names something else at the provider (for
 * Facebook, {@code user/debug_token} would reach the Graph node {@code /debug_token} with the
 * instance's token), so it is refused before the provider is called.
 *
 * <p>The length is checked before the expression, so an expression never sees more than
 * {@code maxLength} characters.
 */
public final class ParameterShape {
    private final String regex;
    private final Pattern pattern;
    private final int maxLength;
    private final String description;

    private ParameterShape(String regex, int maxLength, String description) {
        this.regex = requireNonNull(regex, "regex");
        this.pattern = Pattern.compile(regex);
        this.maxLength = maxLength;
        this.description = requireNonNull(description, "description");
        if (maxLength < 1) {
            throw new IllegalArgumentException("A parameter shape allows at least one character");
        }
    }

    /**
     * @param regex what a whole value matches
     * @param maxLength the longest value, checked first
     * @param description the end of "The path parameter {id} must be ...", such as {@code "a Facebook id"}
     */
    public static ParameterShape matching(String regex, int maxLength, String description) {
        return new ParameterShape(regex, maxLength, description);
    }

    public boolean accepts(String value) {
        return value.length() <= maxLength && pattern.matcher(value).matches();
    }

    public String regex() {
        return regex;
    }

    public int maxLength() {
        return maxLength;
    }

    public String description() {
        return description;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParameterShape shape && shape.regex.equals(regex) && shape.maxLength == maxLength
                && shape.description.equals(description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(regex, maxLength, description);
    }

    @Override
    public String toString() {
        return "ParameterShape[" + regex + ", at most " + maxLength + "]";
    }
}
