package dev.elements.core.event;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** An event's id: 32 lower-case hex digits, random, so that ids reveal neither order nor volume. */
public record EventId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public EventId {
        requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new PlatformException(ErrorCode.INVALID_FIELD, "an event id is 32 lower-case hex digits");
        }
    }

    public static EventId random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new EventId(HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
