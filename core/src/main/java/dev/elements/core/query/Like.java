package dev.elements.core.query;

import static java.util.Objects.requireNonNull;


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

    /** The most {@code %} a pattern may have once runs of them count as one: more make LIKE matchers backtrack. */
    public static final int MOST_WILDCARDS = 2;

    /** How many wildcards the pattern has, a run of {@code %} counting once. */
    public int wildcards() {
        return pattern.replaceAll("%+", "%").replaceAll("[^%]", "").length();
    }

    /**
     * Whether {@code text} matches the whole pattern: the first literal as a prefix, the last as a
     * suffix, the others in order between, each at its earliest place, which is exact when {@code %}
     * is the only wildcard and linear in the text (a regular expression would backtrack).
     */
    public boolean matches(String text) {
        String[] literals = pattern.split("%", -1);
        if (literals.length == 1) {
            return text.equals(pattern);
        }
        String first = literals[0];
        String last = literals[literals.length - 1];
        if (text.length() < first.length() + last.length() || !text.startsWith(first) || !text.endsWith(last)) {
            return false;
        }
        int at = first.length();
        int end = text.length() - last.length();
        for (int i = 1; i < literals.length - 1; i++) {
            int found = text.indexOf(literals[i], at);
            if (found < 0 || found + literals[i].length() > end) {
                return false;
            }
            at = found + literals[i].length();
        }
        return true;
    }
}
