package dev.elements.core.port.in;

import dev.elements.core.element.ControlCharacters;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a command, so that one answer names them all. */
public final class Validation {
    private final List<String> missing = new ArrayList<>();
    private final List<String> invalid = new ArrayList<>();

    public Validation require(String field, Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            missing.add(field);
        }
        return this;
    }

    public Validation check(boolean acceptable, String problem) {
        if (!acceptable) {
            invalid.add(problem);
        }
        return this;
    }

    /**
     * Checks free text a person typed (a name, a tag, a user's name or address): its length first, so
     * that nothing later works on more than {@code maxLength} characters, then that it holds no
     * control characters. A null value passes: {@link #require} says whether one is needed.
     */
    public Validation text(String field, String value, int maxLength) {
        String problem = textProblem(value, maxLength);
        if (problem != null) {
            invalid.add(field + " " + problem);
        }
        return this;
    }

    /** {@link #text} for each value of a list, after its size; the first bad value is reported. */
    public Validation texts(String field, List<String> values, int maxCount, int maxLength) {
        if (values == null) {
            return this;
        }
        if (values.size() > maxCount) {
            invalid.add(field + ": at most " + maxCount + " values");
            return this;
        }
        for (String value : values) {
            String problem = textProblem(value, maxLength);
            if (problem != null) {
                invalid.add(field + ": a value " + problem);
                break;
            }
        }
        return this;
    }

    private static String textProblem(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            return "is longer than " + maxLength + " characters";
        }
        return ControlCharacters.in(value) ? ControlCharacters.PROBLEM : null;
    }

    /** @throws PlatformException naming every missing field first, then every other problem */
    public void orThrow() {
        if (!missing.isEmpty()) {
            throw new PlatformException(ErrorCode.MISSING_FIELD,
                    "Missing required " + (missing.size() == 1 ? "field: " : "fields: ") + String.join(", ", missing));
        }
        if (!invalid.isEmpty()) {
            throw new PlatformException(ErrorCode.INVALID_FIELD, String.join("; ", invalid));
        }
    }

    /** Something before and after one {@code @}, with a dot in the domain; mail servers judge the rest. */
    public static boolean isEmailAddress(String value) {
        return value.length() <= 254 && value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }

    public static boolean isHttpUrl(String value) {
        return value == null || dev.elements.core.element.ValueFormat.HTTP_URL.problemWith(value).isEmpty();
    }
}
