package dev.elements.facebook.fake;

import java.security.SecureRandom;
import java.util.Base64;

/** Opaque random strings shaped like Facebook's: codes start {@code AQ}, user and page tokens {@code EAA}. */
final class RandomStrings {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private RandomStrings() {
    }

    /** Authorization codes are a few hundred URL-safe characters starting {@code AQ}. */
    static String authorizationCode() {
        byte[] bytes = new byte[192];
        RANDOM.nextBytes(bytes);
        return "AQ" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Access tokens are long alphanumeric strings starting {@code EAA}. */
    static String accessToken() {
        return "EAA" + alphanumeric(180);
    }

    /** Facebook puts an 11-character {@code fbtrace_id} into each error for its support staff. */
    static String traceId() {
        return alphanumeric(11);
    }

    static String alphanumeric(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int index = 0; index < length; index++) {
            text.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }
}
