package dev.elements.core.fake.oauth2;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET} on the authorization endpoint (RFC 6749 section 4.1.1, RFC 7636 section 4.3): the user is logged in
 * already and consents at once, unless the test denies the next login. Requests that cannot be trusted to redirect
 * (unknown client, unregistered redirect URI) get an error page instead of a redirect (section 4.1.2.1). Called under
 * the provider's lock.
 */
final class AuthorizeEndpoint {

    private final Grants grants;
    private final FakeOAuth2Options options;
    private final FakeClock clock;
    private FakeOAuth2User loggedIn;
    private boolean denyNextLogin;

    AuthorizeEndpoint(Grants grants, FakeOAuth2Options options, FakeClock clock) {
        this.grants = grants;
        this.options = options;
        this.clock = clock;
    }

    void loginAs(FakeOAuth2User user) {
        loggedIn = user;
    }

    void denyNextLogin() {
        denyNextLogin = true;
    }

    FakeResponse handle(FakeRequest request) {
        Map<String, String> query = request.query();
        Optional<FakeOAuth2Client> client = Optional.ofNullable(query.get("client_id")).flatMap(grants::client);
        if (client.isEmpty()) {
            return FakeResponse.text(400, "Unknown or missing client_id: nothing to redirect to.");
        }
        String redirectUri = query.get("redirect_uri");
        if (redirectUri == null || !client.get().redirectUris().contains(redirectUri)) {
            return FakeResponse.text(400, "The redirect_uri is missing or not registered for this client.");
        }
        String state = query.get("state");
        if (!"code".equals(query.get("response_type"))) {
            return redirectError(redirectUri, state, "unsupported_response_type", "Only response_type=code is served");
        }
        String challenge = query.get("code_challenge");
        if (challenge != null) {
            if (!"S256".equals(query.get("code_challenge_method"))) {
                return redirectError(redirectUri, state, "invalid_request",
                        "code_challenge_method must be S256; plain is not supported");
            }
            if (!Pkce.isWellFormedS256Challenge(challenge)) {
                return redirectError(redirectUri, state, "invalid_request", "Malformed code_challenge");
            }
        } else if (options.pkceRequired() || client.get().isPublic()) {
            return redirectError(redirectUri, state, "invalid_request", "code_challenge is required");
        }
        Optional<FakeOAuth2User> user = Optional.ofNullable(loggedIn).or(grants::firstUser);
        if (user.isEmpty()) {
            return FakeResponse.text(400, "Nobody can log in: the test created no user.");
        }
        if (denyNextLogin) {
            denyNextLogin = false;
            return redirectError(redirectUri, state, "access_denied", "The user denied the request");
        }
        Set<String> scopes = Scopes.parse(query.get("scope"), options.scopeSeparator());
        Grants.Code code = grants.issueCode(client.get().id(), user.get().id(), redirectUri, scopes, challenge,
                clock.now());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code.value());
        if (state != null) {
            parameters.put("state", state);
        }
        return FakeResponse.redirect(Forms.appendQuery(redirectUri, parameters));
    }

    private static FakeResponse redirectError(String redirectUri, String state, String error, String description) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error);
        parameters.put("error_description", description);
        if (state != null) {
            parameters.put("state", state);
        }
        return FakeResponse.redirect(Forms.appendQuery(redirectUri, parameters));
    }
}
