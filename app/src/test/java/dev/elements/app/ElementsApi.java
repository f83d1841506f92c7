package dev.elements.app;

import dev.elements.core.fake.oauth2.FakeOAuth2Client;
import dev.elements.facebook.fake.BrowserLogin;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The API of a server under test as an application calls it (through the kit's
 * {@link TestHttpClient}), with the steps every journey takes: the platform's Authorization
 * header, the login at the fake Facebook that yields a code, the body that provisions an instance.
 */
public final class ElementsApi {
    private ElementsApi() {
    }

    /** A client of the API of the server on {@code port}, sending {@code authorization} (none when null). */
    public static TestHttpClient at(int port, String authorization) {
        return TestHttpClient.at("http://127.0.0.1:" + port + "/elements/api-v2").withHeader("Authorization",
                authorization);
    }

    /** A client of the API of the server on {@code port}, as a user of an organization. */
    public static TestHttpClient asUser(int port, String userSecret, String organizationSecret) {
        return at(port, platformAuthorization(userSecret, organizationSecret));
    }

    public static String platformAuthorization(String userSecret, String organizationSecret) {
        return "User " + userSecret + ", Organization " + organizationSecret;
    }

    public static String json(Object body) {
        try {
            return TestResponse.JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asks the API for Facebook's login URL and logs in there as the fake's current user, as the
     * application's browser would; returns the code Facebook redirects back with.
     */
    public static String facebookCode(TestHttpClient client, FakeApp app, String callback) {
        return facebookCodeFor(client, "apiKey=" + app.id() + "&callbackUrl=" + encode(callback));
    }

    /** {@link #facebookCode(TestHttpClient, FakeApp, String)} asking for these permissions. */
    public static String facebookCode(TestHttpClient client, FakeApp app, String callback, String scope) {
        return facebookCodeFor(client, "apiKey=" + app.id() + "&callbackUrl=" + encode(callback) + "&scope=" + scope);
    }

    private static String facebookCodeFor(TestHttpClient client, String query) {
        TestResponse url = client.get("/elements/facebooksocial/oauth/url?" + query);
        return new BrowserLogin().open(URI.create(url.json().path("oauthUrl").asText())).requireCode();
    }

    /** The JSON that provisions a Facebook instance of {@code app} with the code of a login. */
    public static String facebookInstance(FakeApp app, String callback, String code, String name) {
        return json(Map.of("element", Map.of("key", "facebooksocial"),
                "providerData", Map.of("code", code),
                "configuration", Map.of("oauth.api.key", app.id(), "oauth.api.secret", app.secret(),
                        "oauth.callback.url", callback),
                "name", name));
    }

    /**
     * Asks the API for X's authorization URL with {@code state} and logs in there as the fake X's
     * current user, as the application's browser would; returns the code X redirects back with.
     */
    public static String xCode(TestHttpClient client, FakeOAuth2Client app, String callback, String state) {
        return oauthCode(client, "twitter", app.id(), callback, state);
    }

    /**
     * Asks the API for an element's authorization URL with {@code state} and logs in there as the
     * fake provider's current user, as the application's browser would; returns the code the
     * provider redirects back with.
     */
    public static String oauthCode(TestHttpClient client, String element, String clientId, String callback,
            String state) {
        TestResponse url = client.get("/elements/" + element + "/oauth/url?apiKey=" + encode(clientId)
                + "&callbackUrl=" + encode(callback) + "&state=" + encode(state));
        BrowserLogin.Callback returned = new BrowserLogin().open(URI.create(url.json().path("oauthUrl").asText()));
        if (!returned.state().orElse("").equals(state)) {
            throw new IllegalStateException("The provider's callback carried another state: " + returned.uri());
        }
        return returned.requireCode();
    }

    /** The JSON that provisions a twitter instance of {@code app} with the code and state of a login. */
    public static String xInstance(FakeOAuth2Client app, String callback, String code, String state, String name) {
        return json(Map.of("element", Map.of("key", "twitter"),
                "providerData", Map.of("code", code, "state", state),
                "configuration", Map.of("oauth.api.key", app.id(), "oauth.api.secret", app.secret(),
                        "oauth.callback.url", callback),
                "name", name));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
