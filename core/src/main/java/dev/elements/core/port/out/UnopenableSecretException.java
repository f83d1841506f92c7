package dev.elements.core.port.out;

/**
 * A sealed value that does not open under its associated data: altered, copied from another row,
 * or not made by this cipher. Distinct from a cipher that cannot work at all (its keys gone or no
 * longer opened by the master key), which callers must not mistake for one bad row.
 */
public final class UnopenableSecretException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public UnopenableSecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
