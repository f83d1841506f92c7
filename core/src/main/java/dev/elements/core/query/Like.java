package dev.elements.core.query;

import static java.util.Objects.requireNonNull;

import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * {@code field like 'pattern'}: {@code %} stands for any run of characters, everything else for
 * itself (Cloud Elements documents {@code %} as its only wildcard, so {@code _} is no wildcard here),
 * case as written.
 */
public record Like(String field, String pattern) implements Condition {
    public Like {
        requireNonNull(field, "field");
        requireNonNull(pattern, "pattern");
    }

    /** Whether {@code text} matches the whole pattern. */
    public boolean matches(String text) {
        StringJoiner regex = new StringJoiner(".*");
        for (String literal : pattern.split("%", -1)) {
            regex.add(Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
    }
}
