package dev.elements.app.journey;

import static java.util.Objects.requireNonNull;

import dev.elements.app.journey.ApiClient.Answer;
import dev.elements.facebook.fake.BrowserLogin;
import dev.elements.facebook.fake.FakeApp;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Provisions facebooksocial instances against a server as an application would: login URL, code, POST. */
public final class Provisioning {
    public static final String CALLBACK = "https://app.example/callback";

    private final FakeApp app;

    public Provisioning(FakeApp app) {
        this.app = requireNonNull(app, "app");
    }

    /** A fresh authorization code from the fake Facebook's login dialog. */
    public String code(ApiClient client) {
        Answer url = client.get("/elements/facebooksocial/oauth/url?apiKey=" + app.id() + "&callbackUrl="
                + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8));
        return new BrowserLogin().open(URI.create(url.json().path("oauthUrl").asText())).requireCode();
    }

    public Answer provision(ApiClient client, String code, String name) {
        return client.post("/instances", Map.of(
                "element", Map.of("key", "facebooksocial"),
                "providerData", Map.of("code", code),
                "configuration", Map.of("oauth.api.key", app.id(), "oauth.api.secret", app.secret(),
                        "oauth.callback.url", CALLBACK),
                "name", name));
    }
}
