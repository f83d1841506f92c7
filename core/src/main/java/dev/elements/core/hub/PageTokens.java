package dev.elements.core.hub;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.InstanceId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Elements-Next-Page-Token}: the provider's cursor, sealed (AES-GCM) so that clients cannot
 * read or alter it, and bound to the instance and resource that issued it, so that it is useless to
 * anyone else. It never holds a provider token or URL: only the cursor and the page size.
 */
public final class PageTokens {
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    static final Duration LIFETIME = Duration.ofHours(1);

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param key 32 bytes; every node that should accept another's tokens uses the same key */
    public PageTokens(byte[] key) {
        requireNonNull(key, "key");
        if (key.length != 32) {
            throw new IllegalArgumentException("A page token key is 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A key for one process only, for hosts that run a single node and restart rarely. */
    public static PageTokens withRandomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new PageTokens(key);
    }

    /** What a token carries. */
    public record Page(String cursor, int pageSize) {
    }

    public String issue(InstanceId instance, String resource, Page page, Instant now) {
        byte[] cursor = page.cursor().getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(8 + 4 + cursor.length);
        plain.putLong(now.plus(LIFETIME).toEpochMilli()).putInt(page.pageSize()).put(cursor);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed;
        try {
            sealed = crypt(Cipher.ENCRYPT_MODE, nonce, associatedData(instance, resource), plain.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has AES-GCM", e);
        }
        ByteBuffer token = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length);
        token.put(VERSION).put(nonce).put(sealed);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /**
     * @throws PlatformException {@code INVALID_FIELD} naming {@code nextPage} when the token is
     *     malformed, altered, expired, or issued for another instance or resource
     */
    public Page open(String token, InstanceId instance, String resource, Instant now) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token));
            if (buffer.remaining() < 1 + NONCE_BYTES + TAG_BITS / 8 || buffer.get() != VERSION) {
                throw refused();
            }
            byte[] nonce = new byte[NONCE_BYTES];
            buffer.get(nonce);
            byte[] sealed = new byte[buffer.remaining()];
            buffer.get(sealed);
            ByteBuffer plain = ByteBuffer.wrap(crypt(Cipher.DECRYPT_MODE, nonce, associatedData(instance, resource),
                    sealed));
            Instant expires = Instant.ofEpochMilli(plain.getLong());
            int pageSize = plain.getInt();
            byte[] cursor = new byte[plain.remaining()];
            plain.get(cursor);
            if (now.isAfter(expires)) {
                throw new PlatformException(ErrorCode.INVALID_FIELD,
                        "nextPage has expired; start again from the first page");
            }
            return new Page(new String(cursor, StandardCharsets.UTF_8), pageSize);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw refused();
        }
    }

    private static PlatformException refused() {
        return new PlatformException(ErrorCode.INVALID_FIELD,
                "nextPage is not a page token this instance issued for this resource");
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] associatedData, byte[] input)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(input);
    }

    private static byte[] associatedData(InstanceId instance, String resource) {
        return ("page|" + instance.value() + "|" + resource).getBytes(StandardCharsets.UTF_8);
    }
}
