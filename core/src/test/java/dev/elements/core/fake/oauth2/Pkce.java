package dev.elements.core.fake.oauth2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** RFC 7636: the S256 transformation and the shape of verifiers and challenges. */
final class Pkce {

    /** Section 4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    /** Section 4.2: BASE64URL of a SHA-256 digest, without padding, is 43 characters. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Pkce() {
    }

    static boolean isWellFormedVerifier(String verifier) {
        return VERIFIER.matcher(verifier).matches();
    }

    static boolean isWellFormedS256Challenge(String challenge) {
        return S256_CHALLENGE.matcher(challenge).matches();
    }

    /** {@code BASE64URL-ENCODE(SHA256(ASCII(code_verifier)))}. */
    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }

    /** Compares in time independent of where the texts differ. */
    static boolean matches(String challenge, String verifier) {
        return MessageDigest.isEqual(challenge.getBytes(StandardCharsets.US_ASCII),
                s256(verifier).getBytes(StandardCharsets.US_ASCII));
    }
}
