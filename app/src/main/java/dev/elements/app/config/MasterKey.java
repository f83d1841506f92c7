package dev.elements.app.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The operator's master key, resolved once. Other keys are derived from it per purpose, so that
 * every node with the same master key derives the same keys and no key serves two purposes.
 */
public final class MasterKey {
    private final byte[] bytes;

    public MasterKey(byte[] bytes) {
        if (bytes.length != SecuritySettings.MASTER_KEY_BYTES) {
            throw new IllegalArgumentException("A master key is 32 bytes");
        }
        this.bytes = bytes.clone();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** HMAC-SHA256(master key, purpose): 32 bytes that depend on the purpose and reveal nothing of the key. */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
            return mac.doFinal(("elements/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[********]";
    }
}
