package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.out.PageTokenSealer;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * {@code Elements-Next-Page-Token}: the provider's cursor, sealed by the {@link PageTokenSealer} so
 * that clients cannot read or alter it, and bound to the instance and resource that issued it, so
 * that it is useless to anyone else. It never holds a provider token or URL: only the cursor, the
 * page size and when it expires. The format is core's; the sealer only encrypts.
 */
public final class PageTokens {
    private static final byte VERSION = 1;
    static final Duration LIFETIME = Duration.ofHours(1);

    private final PageTokenSealer sealer;

    public PageTokens(PageTokenSealer sealer) {
        this.sealer = requireNonNull(sealer, "sealer");
    }

    /** What a token carries. */
    public record Page(String cursor, int pageSize) {
    }

    public String issue(InstanceId instance, String resource, Page page, Instant now) {
        byte[] cursor = page.cursor().getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(8 + 4 + cursor.length);
        plain.putLong(now.plus(LIFETIME).toEpochMilli()).putInt(page.pageSize()).put(cursor);
        byte[] sealed = sealer.seal(plain.array(), associatedData(instance, resource));
        ByteBuffer token = ByteBuffer.allocate(1 + sealed.length);
        token.put(VERSION).put(sealed);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /**
     * @throws PlatformException {@code INVALID_FIELD} naming {@code nextPage} when the token is
     *     malformed, altered, expired, or issued for another instance or resource
     */
    public Page open(String token, InstanceId instance, String resource, Instant now) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            if (bytes.length < 1 || bytes[0] != VERSION) {
                throw refused();
            }
            ByteBuffer plain = ByteBuffer.wrap(sealer.open(Arrays.copyOfRange(bytes, 1, bytes.length),
                    associatedData(instance, resource)).orElseThrow(PageTokens::refused));
            Instant expires = Instant.ofEpochMilli(plain.getLong());
            int pageSize = plain.getInt();
            byte[] cursor = new byte[plain.remaining()];
            plain.get(cursor);
            if (now.isAfter(expires)) {
                throw new PlatformException(ErrorCode.INVALID_FIELD,
                        "nextPage has expired; start again from the first page");
            }
            return new Page(new String(cursor, StandardCharsets.UTF_8), pageSize);
        } catch (IllegalArgumentException | BufferUnderflowException e) {
            throw refused();
        }
    }

    private static PlatformException refused() {
        return new PlatformException(ErrorCode.INVALID_FIELD,
                "nextPage is not a page token this instance issued for this resource");
    }

    private static byte[] associatedData(InstanceId instance, String resource) {
        return ("page|" + instance.value() + "|" + resource).getBytes(StandardCharsets.UTF_8);
    }
}
