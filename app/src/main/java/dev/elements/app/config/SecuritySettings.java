package dev.elements.app.config;

import java.util.Base64;
import java.util.Optional;

/**
 * @param masterKey {@code ELEMENTS_MASTER_KEY}: 32 bytes, or null to use (or make) the key file in
 *     the data directory
 * @param operatorSecret {@code ELEMENTS_OPERATOR_SECRET}, or null to keep {@code POST /organizations} off
 * @param bootstrapOrganizationSecret {@code ELEMENTS_BOOTSTRAP_ORGANIZATION_SECRET}, or null for random
 * @param bootstrapUserSecret {@code ELEMENTS_BOOTSTRAP_USER_SECRET}, or null for random
 * @param compatTokenReadback {@code ELEMENTS_COMPAT_TOKEN_READBACK}, off by default: element tokens
 *     also kept sealed and shown on every read of an instance, as Cloud Elements showed them, for
 *     applications that kept only instance ids. It trades away that a stolen database and key yield
 *     no working element token, and that a leaked organization secret does not reveal them.
 */
public record SecuritySettings(byte[] masterKey, String operatorSecret, String bootstrapOrganizationSecret,
        String bootstrapUserSecret, boolean compatTokenReadback) {

    public static final int MASTER_KEY_BYTES = 32;
    /** The shortest secret an operator may choose: about as hard to guess as the generated ones. */
    public static final int MINIMUM_SECRET_LENGTH = 32;

    public static SecuritySettings from(SettingsSource source) {
        byte[] masterKey = source.get("ELEMENTS_MASTER_KEY").map(SecuritySettings::decodeMasterKey).orElse(null);
        return new SecuritySettings(masterKey, secret(source, "ELEMENTS_OPERATOR_SECRET"),
                secret(source, "ELEMENTS_BOOTSTRAP_ORGANIZATION_SECRET"),
                secret(source, "ELEMENTS_BOOTSTRAP_USER_SECRET"), source.flag("ELEMENTS_COMPAT_TOKEN_READBACK", false));
    }

    /** The secret, or null when unset; a short one is refused by name, never quoted. */
    private static String secret(SettingsSource source, String variable) {
        String secret = source.get(variable).orElse(null);
        if (secret != null && secret.length() < MINIMUM_SECRET_LENGTH) {
            throw new SettingsException(variable + " is too short: a secret must have at least "
                    + MINIMUM_SECRET_LENGTH + " characters (for example the output of: openssl rand -base64 32)");
        }
        return secret;
    }

    /** Decodes a base64 (or base64url) master key, refusing anything but 32 bytes. */
    public static byte[] decodeMasterKey(String encoded) {
        byte[] key;
        try {
            key = encoded.contains("-") || encoded.contains("_")
                    ? Base64.getUrlDecoder().decode(encoded)
                    : Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("ELEMENTS_MASTER_KEY must be base64 of 32 random bytes"
                    + " (for example the output of: openssl rand -base64 32); it is not valid base64");
        }
        if (key.length != MASTER_KEY_BYTES) {
            throw new SettingsException("ELEMENTS_MASTER_KEY must be base64 of 32 random bytes"
                    + " (for example the output of: openssl rand -base64 32); it decodes to " + key.length
                    + " bytes");
        }
        return key;
    }

    public Optional<byte[]> configuredMasterKey() {
        return Optional.ofNullable(masterKey).map(byte[]::clone);
    }

    @Override
    public String toString() {
        return "SecuritySettings[masterKey=" + (masterKey == null ? "from data directory" : "set")
                + ", operatorSecret=" + (operatorSecret == null ? "unset" : "set")
                + ", compatTokenReadback=" + compatTokenReadback + "]";
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
