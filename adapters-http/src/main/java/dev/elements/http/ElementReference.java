package dev.elements.http;

import java.math.BigInteger;

/**
 * How request bodies name an element, as Cloud Elements clients send it: {@code {"key": ...}} or
 * {@code {"id": 48}}.
 */
record ElementReference(String key, BigInteger id) {

    /** The key when given, else the id, as text; the commands take element references as text. */
    String reference() {
        if (key != null && !key.isBlank()) {
            return key;
        }
        return id == null ? null : id.toString();
    }

    /** The element of {@code reference}, or null when there is none. */
    static String of(ElementReference element) {
        return element == null ? null : element.reference();
    }
}
