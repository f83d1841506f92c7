package dev.elements.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.elements.bench.suite.BenchSuite;
import dev.elements.facebook.fake.BrowserLogin;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeFacebook;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The server the benchmarks measure: default settings, pointed at the fake Facebook, and one instance on it. */
final class BenchPlatform {
    static final String CALLBACK = BenchSuite.CALLBACK;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchPlatform() {
    }

    /** The settings of a server on loopback with an embedded database in {@code data}, its Facebook the fake. */
    static Map<String, String> settings(Path data, FakeFacebook facebook) {
        return new HashMap<>(Map.of(
                "ELEMENTS_HTTP_HOST", "127.0.0.1", "ELEMENTS_HTTP_PORT", "0",
                "ELEMENTS_DATA_DIR", data.toString(),
                "ELEMENTS_BOOTSTRAP_ORGANIZATION_SECRET", BenchSuite.ORGANIZATION_SECRET,
                "ELEMENTS_BOOTSTRAP_USER_SECRET", BenchSuite.USER_SECRET,
                "ELEMENTS_FACEBOOKSOCIAL_BASE_URL", facebook.graphUrl(),
                "ELEMENTS_FACEBOOKSOCIAL_OAUTH_AUTHORIZATION_URL", facebook.authorizationUrl(),
                "ELEMENTS_FACEBOOKSOCIAL_OAUTH_TOKEN_URL", facebook.tokenUrl()));
    }

    /**
     * Provisions a Facebook instance of {@code app} for the fake's logged-in user, as an application
     * does (login URL, code, POST), with {@code configuration} beside the OAuth keys.
     *
     * @return the instance's Element token
     */
    static String provision(HttpClient http, String base, FakeApp app, Map<String, String> configuration)
            throws Exception {
        HttpResponse<String> url = http.send(HttpRequest.newBuilder(URI.create(base
                + "/elements/facebooksocial/oauth/url?apiKey=" + app.id() + "&callbackUrl="
                + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        String code = new BrowserLogin().open(URI.create(JSON.readTree(url.body()).path("oauthUrl").asText()))
                .requireCode();
        Map<String, String> complete = new HashMap<>(configuration);
        complete.putAll(Map.of("oauth.api.key", app.id(), "oauth.api.secret", app.secret(),
                "oauth.callback.url", CALLBACK));
        String body = JSON.writeValueAsString(Map.of("element", Map.of("key", "facebooksocial"),
                "providerData", Map.of("code", code), "configuration", complete, "name", "bench"));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/instances"))
                .header("Authorization", BenchSuite.USER_AND_ORGANIZATION_CREDENTIALS)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 200) {
            throw new IllegalStateException("Provisioning failed with " + created.statusCode() + ": " + created.body());
        }
        return JSON.readTree(created.body()).path("token").asText();
    }
}
