package dev.elements.app;

import dev.elements.app.config.ServerSettings;
import dev.elements.app.config.SettingsSource;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.twitter.fake.FakeX;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Starts servers for tests the way Main does, from settings, with the fake Facebook behind the overrides. */
public final class TestServers {
    private TestServers() {
    }

    /** The settings an operator would give to point a server at the fake Facebook. */
    public static Map<String, String> settings(Path dataDirectory, FakeFacebook facebook, String organizationSecret,
            String userSecret) {
        Map<String, String> settings = settings(dataDirectory, organizationSecret, userSecret);
        settings.put("ELEMENTS_FACEBOOKSOCIAL_BASE_URL", facebook.graphUrl());
        settings.put("ELEMENTS_FACEBOOKSOCIAL_OAUTH_AUTHORIZATION_URL", facebook.authorizationUrl());
        settings.put("ELEMENTS_FACEBOOKSOCIAL_OAUTH_TOKEN_URL", facebook.tokenUrl());
        return settings;
    }

    /** The settings of a server on 127.0.0.1 with bootstrap credentials, its elements at their providers' defaults. */
    public static Map<String, String> settings(Path dataDirectory, String organizationSecret, String userSecret) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ELEMENTS_HTTP_HOST", "127.0.0.1");
        settings.put("ELEMENTS_HTTP_PORT", "0");
        settings.put("ELEMENTS_DATA_DIR", dataDirectory.toString());
        settings.put("ELEMENTS_BOOTSTRAP_ORGANIZATION_SECRET", organizationSecret);
        settings.put("ELEMENTS_BOOTSTRAP_USER_SECRET", userSecret);
        return settings;
    }

    /** {@code settings} pointing the twitter element at the fake X as well. */
    public static Map<String, String> withX(Map<String, String> settings, FakeX x) {
        settings.put("ELEMENTS_TWITTER_BASE_URL", x.apiBaseUrl());
        settings.put("ELEMENTS_TWITTER_OAUTH_AUTHORIZATION_URL", x.authorizationUrl());
        settings.put("ELEMENTS_TWITTER_OAUTH_TOKEN_URL", x.tokenUrl());
        return settings;
    }

    public static ElementsServer start(Map<String, String> settings, PrintStream console) {
        return start(settings, Clock.systemUTC(), console);
    }

    public static ElementsServer start(Map<String, String> settings, Clock clock, PrintStream console) {
        return ElementsServer.start(ServerSettings.from(SettingsSource.of(settings)), clock, console);
    }
}
