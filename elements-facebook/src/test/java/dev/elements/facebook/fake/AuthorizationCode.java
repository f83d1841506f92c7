package dev.elements.facebook.fake;

import java.time.Instant;
import java.util.List;

/**
 * A code from the login dialog, bound to everything the token endpoint must check.
 *
 * @param value the code string, starting {@code AQ}
 * @param appId the app it was issued to
 * @param userId the user who logged in
 * @param redirectUri the exact redirect URI of the dialog request; the exchange must repeat it byte for byte
 * @param scopes the permissions granted
 * @param declinedScopes the permissions declined
 * @param issuedAt when it was issued; it expires ten minutes later
 * @param codeChallenge the PKCE challenge, or null when the dialog got none
 * @param codeChallengeMethod {@code S256} or {@code plain}, or null
 */
record AuthorizationCode(String value, String appId, String userId, String redirectUri, List<String> scopes,
                         List<String> declinedScopes, Instant issuedAt, String codeChallenge,
                         String codeChallengeMethod) {

    AuthorizationCode {
        scopes = List.copyOf(scopes);
        declinedScopes = List.copyOf(declinedScopes);
    }
}
