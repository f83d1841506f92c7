package dev.elements.facebook;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.instance.Configuration;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 keyed by the Facebook app secret: what Facebook signs webhooks and {@code signed_request}
 * with, and what {@code appsecret_proof} is. One place, so that every check compares the same way: in
 * constant time, never with {@code equals}, which would tell a forger how many bytes were right.
 */
final class AppSecretSignature {
    private static final String HMAC = "HmacSHA256";

    private AppSecretSignature() {
    }

    /** The app secret ({@code oauth.api.secret}) of an effective configuration, when one is set. */
    static Optional<String> appSecret(Configuration configuration) {
        return configuration.get(CommonConfiguration.OAUTH_API_SECRET);
    }

    static byte[] of(String appSecret, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), HMAC));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + HMAC, e);
        }
    }

    /** Whether {@code signature} is the HMAC of {@code message} with {@code appSecret}, compared in constant time. */
    static boolean matches(byte[] signature, String appSecret, byte[] message) {
        return MessageDigest.isEqual(of(appSecret, message), signature);
    }
}
