package dev.elements.facebook.fake;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code GET /dialog/oauth} (and the legacy {@code /oauth/authorize}): the login dialog, with the user already
 * clicking "Continue" (or "Cancel", after {@code denyNextLogin}). Bad client ids and redirect URIs get an error page
 * on facebook.com, never a redirect. Called under the fake's lock.
 */
final class LoginDialog {

    /** Permissions Facebook removed; asking for them shows the "Invalid Scopes" page to the app's developers. */
    private static final Set<String> REMOVED_SCOPES = Set.of("publish_actions", "manage_pages", "publish_pages",
            "read_stream", "user_status", "user_about_me", "read_mailbox", "user_groups", "read_friendlists",
            "offline_access", "publish_stream", "user_activities", "user_interests");

    private final Credentials credentials;
    private final Supplier<FakeUser> loggedInUser;
    private boolean denyNext;
    private final Set<String> declineNext = new LinkedHashSet<>();

    LoginDialog(Credentials credentials, Supplier<FakeUser> loggedInUser) {
        this.credentials = credentials;
        this.loggedInUser = loggedInUser;
    }

    void denyNextLogin() {
        denyNext = true;
    }

    void declineOnNextLogin(List<String> scopes) {
        declineNext.addAll(scopes);
    }

    FakeResponse handle(RecordedRequest request) {
        FakeApp app = credentials.app(request.param("client_id")).orElse(null);
        if (app == null) {
            return FakeResponse.html(400, "Invalid App ID",
                    "The provided app ID does not look like a valid app ID.");
        }
        String redirectUri = request.param("redirect_uri");
        if (redirectUri == null || redirectUri.isBlank()) {
            return FakeResponse.html(400, "Can't load URL",
                    "The redirect_uri parameter is required for the login dialog.");
        }
        if (!app.allowsRedirectUri(redirectUri)) {
            return FakeResponse.html(400, "URL Blocked",
                    "This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth "
                            + "Settings. Make sure Client and Web OAuth Login are on and add all your app domains as "
                            + "Valid OAuth Redirect URIs.");
        }
        String responseType = request.param("response_type");
        if (responseType != null && !responseType.isBlank() && !responseType.contains("code")) {
            return FakeResponse.html(400, "Unsupported response_type",
                    "The fake login dialog serves the server-side flow only (response_type=code), not '"
                            + responseType + "'.");
        }
        List<String> requested = parseScopes(request.param("scope"));
        List<String> removed = requested.stream().filter(REMOVED_SCOPES::contains).toList();
        if (!removed.isEmpty()) {
            return FakeResponse.html(400, "Invalid Scopes: " + String.join(", ", removed),
                    "This message is only shown to developers. Users of your app will ignore these permissions if "
                            + "present. Please read the documentation for valid permissions at: "
                            + "https://developers.facebook.com/docs/facebook-login/permissions");
        }
        String state = request.param("state");
        if (denyNext) {
            denyNext = false;
            declineNext.clear();
            return FakeResponse.redirect(redirectUri + separatorFor(redirectUri)
                    + "error=access_denied&error_code=200&error_description=Permissions+error"
                    + "&error_reason=user_denied" + stateParameter(state) + "#_=_");
        }
        List<String> granted = new ArrayList<>();
        List<String> declined = new ArrayList<>();
        for (String scope : grantedWithProfile(requested)) {
            (declineNext.contains(scope) && !scope.equals("public_profile") ? declined : granted).add(scope);
        }
        declineNext.clear();
        AuthorizationCode code = credentials.issueCode(app.id(), loggedInUser.get().id(), redirectUri, granted,
                declined, request.param("code_challenge"), request.param("code_challenge_method"));
        return FakeResponse.redirect(redirectUri + separatorFor(redirectUri) + "code=" + encode(code.value())
                + stateParameter(state) + "#_=_");
    }

    /** Facebook documents commas; spaces are accepted too. */
    static List<String> parseScopes(String scope) {
        Set<String> scopes = new LinkedHashSet<>();
        if (scope != null) {
            for (String part : scope.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    scopes.add(part.trim());
                }
            }
        }
        return List.copyOf(scopes);
    }

    /** Every login grants {@code public_profile}, whether asked for or not. */
    static List<String> grantedWithProfile(List<String> requested) {
        Set<String> scopes = new LinkedHashSet<>(requested);
        scopes.add("public_profile");
        return List.copyOf(scopes);
    }

    private static String separatorFor(String redirectUri) {
        return redirectUri.contains("?") ? "&" : "?";
    }

    private static String stateParameter(String state) {
        return state == null ? "" : "&state=" + encode(state);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
