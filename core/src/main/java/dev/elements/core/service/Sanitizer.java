package dev.elements.core.service;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strips HTML from names and tags, as Cloud Elements does, so that a console showing them cannot be
 * scripted through them.
 */
final class Sanitizer {
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1\\s*>");
    static final int MAX_NAME = 255;
    static final int MAX_TAG = 100;
    static final int MAX_TAGS = 50;

    private Sanitizer() {
    }

    static String stripHtml(String text) {
        String withoutScripts = SCRIPT.matcher(text).replaceAll("");
        return TAG.matcher(withoutScripts).replaceAll("").replace("<", "").replace(">", "").trim();
    }

    static String name(String requested, String fallback) {
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
        for (String tag : requested) {
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
