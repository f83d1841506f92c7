package dev.elements.app.compat;

import dev.elements.app.ElementsApi;
import dev.elements.app.ElementsServer;
import dev.elements.app.TestServers;
import dev.elements.facebook.fake.BrowserLogin;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The server a Cloud Elements client meets: started as Main starts it, with the fake Facebook
 * behind the operator's overrides and the Facebook app of Cloud Elements' own example, whose
 * callback is {@code https://www.mycoolapp.com/auth}. Registered as an extension, closed after each test.
 */
final class CompatServer implements AfterEachCallback {
    static final String CALLBACK = "https://www.mycoolapp.com/auth";
    static final String USER_SECRET = "compat-user-secret-6b8d0f2a4c6e8a0b2d";
    static final String ORGANIZATION_SECRET = "compat-organization-secret-1a3c5e7b9d";
    static final String APP_SECRET = "compat-facebook-app-secret-4e6a";

    final FakeFacebook facebook = FakeFacebook.start();
    final FakeApp app = facebook.registerApp("4815162342", APP_SECRET, CALLBACK);
    final FakeUser ada = facebook.createUser("Ada Lovelace");
    private final Path data;
    private final ElementsServer server;

    CompatServer() {
        this(Map.of());
    }

    CompatServer(Map<String, String> moreSettings) {
        facebook.loginAs(ada);
        try {
            data = Files.createTempDirectory("elements-compat");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new LinkedHashMap<>(TestServers.settings(data, facebook, ORGANIZATION_SECRET,
                USER_SECRET));
        settings.putAll(moreSettings);
        server = TestServers.start(settings, new PrintStream(PrintStream.nullOutputStream()));
    }

    /** No Authorization header at all, as Cloud Elements' oauth/url example sends. */
    TestHttpClient anonymous() {
        return TestHttpClient.at("http://127.0.0.1:" + server.port() + "/elements/api-v2");
    }

    /** {@code Authorization: User <secret>, Organization <secret>}, for platform routes. */
    TestHttpClient platform() {
        return ElementsApi.asUser(server.port(), USER_SECRET, ORGANIZATION_SECRET);
    }

    /** {@code Authorization: <header>} as the caller writes it. */
    TestHttpClient withAuthorization(String header) {
        return ElementsApi.at(server.port(), header);
    }

    int port() {
        return server.port();
    }

    /** A code from the login the seed's step 1 URL leads to, as the callback carries it. */
    String loginCode(String oauthUrl) {
        return new BrowserLogin().open(URI.create(oauthUrl)).requireCode();
    }

    /** The seed's step 2 body, verbatim but for the placeholders. */
    static Map<String, Object> seedInstance(String code, String appId, String appSecret, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("element", Map.of("key", "facebooksocial"));
        body.put("providerData", Map.of("code", code));
        body.put("configuration", Map.of("oauth.api.key", appId, "oauth.api.secret", appSecret,
                "oauth.callback.url", CALLBACK, "oauth.scope", "public_profile"));
        body.put("tags", List.of("compat"));
        body.put("name", name);
        return body;
    }

    /** The seed's two steps: an instance provisioned as the documentation does it; answers the creation. */
    TestResponse provisionAsTheSeedDoes(String name) {
        TestResponse url = anonymous().get("/elements/facebooksocial/oauth/url?apiKey=" + app.id() + "&apiSecret="
                + APP_SECRET + "&callbackUrl=www.mycoolapp.com/auth&scope=public_profile");
        String code = loginCode(url.json().path("oauthUrl").asText());
        return platform().postJson("/instances", ElementsApi.json(seedInstance(code, app.id(), APP_SECRET, name)));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
        facebook.close();
    }
}
