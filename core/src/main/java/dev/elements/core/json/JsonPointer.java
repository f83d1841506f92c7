package dev.elements.core.json;

/** Resolves JSON Pointers (RFC 6901); a malformed pointer names nothing rather than throwing. */
final class JsonPointer {
    private JsonPointer() {
    }

    static JsonValue resolve(JsonValue root, String pointer) {
        if (pointer == null || !pointer.isEmpty() && pointer.charAt(0) != '/') {
            return JsonMissing.INSTANCE;
        }
        JsonValue current = root;
        int start = 1;
        while (start <= pointer.length() && !current.isMissing()) {
            int slash = pointer.indexOf('/', start);
            int end = slash < 0 ? pointer.length() : slash;
            current = step(current, pointer.substring(start, end));
            start = end + 1;
        }
        return current;
    }

    private static JsonValue step(JsonValue current, String escapedToken) {
        String token = unescape(escapedToken);
        if (token == null) {
            return JsonMissing.INSTANCE;
        }
        return current.isArray() ? current.path(arrayIndex(token)) : current.path(token);
    }

    /** {@code ~1} is {@code /} and {@code ~0} is {@code ~}; null for any other use of {@code ~}. */
    private static String unescape(String token) {
        if (token.indexOf('~') < 0) {
            return token;
        }
        StringBuilder unescaped = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c != '~') {
                unescaped.append(c);
            } else if (i + 1 < token.length() && (token.charAt(i + 1) == '0' || token.charAt(i + 1) == '1')) {
                unescaped.append(token.charAt(++i) == '0' ? '~' : '/');
            } else {
                return null;
            }
        }
        return unescaped.toString();
    }

    /** The index a token names (digits, no leading zero), or -1, which names no item. */
    private static int arrayIndex(String token) {
        boolean canonical = !token.isEmpty() && token.length() <= 9 && (token.length() == 1 || token.charAt(0) != '0');
        for (int i = 0; canonical && i < token.length(); i++) {
            canonical = token.charAt(i) >= '0' && token.charAt(i) <= '9';
        }
        return canonical ? Integer.parseInt(token) : -1;
    }
}
