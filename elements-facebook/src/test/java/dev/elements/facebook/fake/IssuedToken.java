package dev.elements.facebook.fake;

import java.time.Instant;
import java.util.List;

/**
 * An access token the fake handed out, with what it stands for.
 *
 * @param value the token string
 * @param kind user, page or app token
 * @param appId the app it was issued to
 * @param userId the user it speaks for (for a page token: the admin it was derived from); null for app tokens
 * @param pageId the page a page token speaks for; null otherwise
 * @param scopes the permissions granted at login, in the order requested
 * @param declinedScopes the permissions the user declined at login
 * @param issuedAt when it was issued
 * @param expiresAt when it stops working, or null for never (page tokens derived from long-lived user tokens)
 */
record IssuedToken(String value, TokenKind kind, String appId, String userId, String pageId, List<String> scopes,
                   List<String> declinedScopes, Instant issuedAt, Instant expiresAt) {

    IssuedToken {
        scopes = List.copyOf(scopes);
        declinedScopes = List.copyOf(declinedScopes);
    }

    /** The id {@code /me} resolves to: the page for a page token, the user for a user token. */
    String subjectId() {
        return kind == TokenKind.PAGE ? pageId : userId;
    }

    boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    IssuedToken expiringAt(Instant newExpiry) {
        return new IssuedToken(value, kind, appId, userId, pageId, scopes, declinedScopes, issuedAt, newExpiry);
    }
}
