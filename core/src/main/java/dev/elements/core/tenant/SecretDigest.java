package dev.elements.core.tenant;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What the platform keeps of a secret or token: its SHA-256. The secrets are 256-bit random values,
 * so a plain digest cannot be reversed by guessing, and it lets storage find a row by digest.
 */
public record SecretDigest(String hex) {
    /** Compiled once: every request with a secret or token makes a digest. */
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public SecretDigest {
        requireNonNull(hex, "hex");
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("A secret digest is 64 lower-case hex digits");
        }
    }

    public static SecretDigest of(String secret) {
        requireNonNull(secret, "secret");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return new SecretDigest(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Constant-time comparison, so response times say nothing about how close a guess was. */
    public boolean matches(String secret) {
        return secret != null && MessageDigest.isEqual(
                hex.getBytes(StandardCharsets.US_ASCII), of(secret).hex.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "SecretDigest[" + hex.substring(0, 8) + "…]";
    }
}
