package dev.elements.core.fake.oauth2;

/** What the provider does about refresh tokens. */
public enum RefreshTokens {
    /** None are issued; the refresh grant is unsupported. */
    NONE,
    /** One is issued with the code grant and works until its grant is revoked; refreshing returns none. */
    REUSABLE,
    /** Single use: every refresh spends the token and returns a new one; a spent token is {@code invalid_grant}. */
    ROTATING
}
