package dev.elements.core.element;

/**
 * Callback URLs as Cloud Elements took them: its own {@code oauth/url} example sends
 * {@code callbackUrl=www.mycoolapp.com/auth}, without a scheme, and Cloud Elements read that as an
 * https address. Completing it here, once, means the login URL and the later code exchange carry
 * the same redirect URI, which providers compare byte for byte. Whatever is still not an http(s)
 * URL afterwards is refused by {@link ValueFormat#HTTP_URL} as before.
 */
public final class CallbackUrls {
    private CallbackUrls() {
    }

    /** {@code value} with {@code https://} in front when it names no scheme; null and blank stay as they are. */
    public static String completed(String value) {
        if (value == null || value.isBlank() || value.contains("://")) {
            return value;
        }
        return "https://" + value;
    }
}
