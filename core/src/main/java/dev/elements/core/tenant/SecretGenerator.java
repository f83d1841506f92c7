package dev.elements.core.tenant;

import java.security.SecureRandom;
import java.util.Base64;

/** Makes secrets and tokens: 32 random bytes, base64url without padding (43 characters). */
public final class SecretGenerator {
    private static final int BYTES = 32;

    private final SecureRandom random;

    public SecretGenerator(SecureRandom random) {
        this.random = java.util.Objects.requireNonNull(random, "random");
    }

    public SecretGenerator() {
        this(new SecureRandom());
    }

    public String newSecret() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
