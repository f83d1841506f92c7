package dev.elements.core.service;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.InputLimits;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * Strips HTML from names and tags, as Cloud Elements does, so that a console showing them cannot be
 * scripted through them: {@code <script>} and {@code <style>} elements go with their content, other
 * tags go, and any {@code <} or {@code >} left over goes too.
 *
 * <p>It used to do this with regular expressions, which backtrack: a name of 64,000 {@code <} took
 * seconds of CPU. These are single passes that never look at a character more than a bounded number
 * of times, and the caller's length limits ({@link dev.elements.core.port.in.InputLimits}) hold
 * before any of it runs. The result is the same as the expressions'
 * ({@code (?is)<(script|style)[^>]*>.*?</\1\s*>}, then {@code <[^>]*>}, then stray brackets).
 */
final class Sanitizer {
    static final int MAX_NAME = 255;
    static final int MAX_TAG = 100;
    static final int MAX_TAGS = 50;
    private static final List<String> RAW_TEXT_ELEMENTS = List.of("script", "style");

    private Sanitizer() {
    }

    static String stripHtml(String text) {
        return withoutTags(withoutRawTextElements(text)).trim();
    }

    /** Removes each {@code <script ...>...</script >} and {@code <style ...>...</style >}, content included. */
    private static String withoutRawTextElements(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        ForwardSearch closingBracket = new ForwardSearch(start -> text.indexOf('>', start));
        List<ForwardSearch> endTags = RAW_TEXT_ELEMENTS.stream()
                .map(name -> new ForwardSearch(start -> endTag(text, name, start)))
                .toList();
        int i = 0;
        while (i < text.length()) {
            int elementEnd = -1;
            if (text.charAt(i) == '<') {
                for (int e = 0; e < RAW_TEXT_ELEMENTS.size() && elementEnd < 0; e++) {
                    String name = RAW_TEXT_ELEMENTS.get(e);
                    if (!startsWithIgnoringAsciiCase(text, i + 1, name)) {
                        continue;
                    }
                    int openEnd = closingBracket.from(i + 1 + name.length());
                    if (openEnd >= 0) {
                        int endTag = endTags.get(e).from(openEnd + 1);
                        if (endTag >= 0) {
                            elementEnd = text.indexOf('>', endTag) + 1;
                        }
                    }
                }
            }
            if (elementEnd > 0) {
                i = elementEnd;
            } else {
                kept.append(text.charAt(i));
                i++;
            }
        }
        return kept.toString();
    }

    /** Where the first {@code </name\s*>} at or after {@code start} begins (any case), or -1. */
    private static int endTag(String text, String name, int start) {
        int at = start;
        while (true) {
            int candidate = text.indexOf("</", at);
            if (candidate < 0) {
                return -1;
            }
            int after = candidate + 2 + name.length();
            if (startsWithIgnoringAsciiCase(text, candidate + 2, name)) {
                int j = after;
                while (j < text.length() && isRegexWhitespace(text.charAt(j))) {
                    j++;
                }
                if (j < text.length() && text.charAt(j) == '>') {
                    return candidate;
                }
            }
            at = candidate + 2;
        }
    }

    /**
     * Whether {@code text} has {@code lowerCaseName} at {@code offset}, in any ASCII case: what
     * {@code (?i)} matches, where {@link String#regionMatches(boolean, int, String, int, int)} would
     * also take the long s or the dotless i for letters of the name.
     */
    private static boolean startsWithIgnoringAsciiCase(String text, int offset, String lowerCaseName) {
        if (offset + lowerCaseName.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < lowerCaseName.length(); k++) {
            char c = text.charAt(offset + k);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != lowerCaseName.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** {@code \s} of java.util.regex without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Removes each {@code <...>} and then every {@code <} and {@code >} left. */
    private static String withoutTags(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        ForwardSearch closingBracket = new ForwardSearch(start -> text.indexOf('>', start));
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '<') {
                int close = closingBracket.from(i + 1);
                i = close >= 0 ? close + 1 : i + 1;
            } else {
                if (c != '>') {
                    kept.append(c);
                }
                i++;
            }
        }
        return kept.toString();
    }

    /**
     * A search whose starting points only move forward, remembering its last answer: while that
     * answer still lies at or after the new start it is still the first one, so the text is scanned
     * once in all instead of once per question (the regular expressions' quadratic cost).
     */
    private static final class ForwardSearch {
        private final IntUnaryOperator search;
        private int lastStart = -1;
        private int lastAnswer = -1;

        ForwardSearch(IntUnaryOperator search) {
            this.search = search;
        }

        int from(int start) {
            if (lastStart >= 0 && start >= lastStart && (lastAnswer < 0 || lastAnswer >= start)) {
                return lastAnswer;
            }
            lastStart = start;
            lastAnswer = search.applyAsInt(start);
            return lastAnswer;
        }
    }

    static String name(String requested, String fallback) {
        if (requested != null && requested.length() > InputLimits.INSTANCE_NAME) {
            throw new PlatformException(ErrorCode.INVALID_FIELD,
                    "name is longer than " + InputLimits.INSTANCE_NAME + " characters");
        }
        String name = requested == null ? "" : stripHtml(requested);
        if (name.isEmpty()) {
            name = fallback;
        }
        if (name.length() > MAX_NAME) {
            throw new PlatformException(ErrorCode.INVALID_FIELD, "name is longer than " + MAX_NAME + " characters");
        }
        return name;
    }

    static List<String> tags(List<String> requested) {
        Set<String> tags = new LinkedHashSet<>();
        if (requested.size() > InputLimits.TAGS) {
            throw new PlatformException(ErrorCode.INVALID_FIELD, "tags: at most " + InputLimits.TAGS + " values");
        }
        for (String tag : requested) {
            if (tag.length() > InputLimits.TAG) {
                throw new PlatformException(ErrorCode.INVALID_FIELD,
                        "tags: a value is longer than " + InputLimits.TAG + " characters");
            }
            String clean = stripHtml(tag);
            if (clean.length() > MAX_TAG) {
                throw new PlatformException(ErrorCode.INVALID_FIELD,
                        "tags: a tag is longer than " + MAX_TAG + " characters");
            }
            if (!clean.isEmpty()) {
                tags.add(clean);
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new PlatformException(ErrorCode.INVALID_FIELD, "tags: at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(tags);
    }
}
