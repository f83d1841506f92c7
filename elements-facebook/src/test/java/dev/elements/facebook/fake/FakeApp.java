package dev.elements.facebook.fake;

import java.util.List;
import java.util.Objects;

/**
 * A Facebook app registered with the fake: its id, its secret and its "Valid OAuth Redirect URIs".
 *
 * @param id the app id, also the OAuth {@code client_id}
 * @param secret the app secret, also the OAuth {@code client_secret}
 * @param redirectUris the redirect URIs the login dialog accepts, compared byte for byte; empty means any
 */
public record FakeApp(String id, String secret, List<String> redirectUris) {

    public FakeApp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        redirectUris = List.copyOf(redirectUris);
    }

    /** The app access token Facebook accepts in place of a user token: {@code {app-id}|{app-secret}}. */
    public String appToken() {
        return id + "|" + secret;
    }

    /** The name {@code /debug_token} reports as {@code application}. */
    public String applicationName() {
        return "Fake App " + id;
    }

    /** Facebook's strict mode: the redirect URI must equal one registered URI exactly. */
    boolean allowsRedirectUri(String redirectUri) {
        return redirectUris.isEmpty() || redirectUris.contains(redirectUri);
    }
}
