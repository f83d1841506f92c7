package dev.elements.facebook.fake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC helpers shared by appsecret_proof, webhook signatures and signed requests. */
final class Hmac {

    private Hmac() {
    }

    static byte[] sha256(String key, byte[] message) {
        return compute("HmacSHA256", key, message);
    }

    static byte[] sha1(String key, byte[] message) {
        return compute("HmacSHA1", key, message);
    }

    static String sha256Hex(String key, String message) {
        return HexFormat.of().formatHex(sha256(key, message.getBytes(StandardCharsets.UTF_8)));
    }

    /** Compares in constant time, so the fake does not teach clients to accept a timing side channel. */
    static boolean sameText(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] compute(String algorithm, String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(algorithm + " is part of every JDK", impossible);
        }
    }
}
