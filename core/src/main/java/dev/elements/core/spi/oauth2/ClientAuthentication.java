package dev.elements.core.spi.oauth2;

/** How the application authenticates at the token endpoint (RFC 6749 section 2.3.1). */
public enum ClientAuthentication {
    /** {@code client_id} and {@code client_secret} in the form body. */
    CLIENT_SECRET_POST,
    /** HTTP Basic with the form-encoded id and secret, as RFC 6749 prefers. */
    CLIENT_SECRET_BASIC
}
