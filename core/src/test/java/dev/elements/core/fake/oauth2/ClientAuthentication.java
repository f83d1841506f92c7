package dev.elements.core.fake.oauth2;

/** How a confidential client proves itself at the token endpoint (RFC 6749 section 2.3.1). */
public enum ClientAuthentication {
    /** {@code client_id} and {@code client_secret} in the form body. */
    CLIENT_SECRET_POST,
    /** {@code Authorization: Basic base64(urlencode(id) ":" urlencode(secret))}. */
    CLIENT_SECRET_BASIC
}
