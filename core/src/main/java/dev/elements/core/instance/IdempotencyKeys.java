package dev.elements.core.instance;

/**
 * What an {@code Idempotency-Key} of {@code POST /instances} may be. Part of the domain, because the
 * command that accepts a key and the storage that keeps it must agree on it.
 */
public final class IdempotencyKeys {
    /** The longest key, in characters; storage keeps at least this many. */
    public static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }
}
