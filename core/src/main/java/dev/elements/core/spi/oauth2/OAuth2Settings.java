package dev.elements.core.spi.oauth2;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.instance.Configuration;
import java.net.URI;

/**
 * The OAuth2 entries of an instance's configuration, read by name once here instead of by magic
 * strings in every plugin. Each accessor requires its entry: the platform has checked required
 * entries and filled endpoint defaults before a plugin is called, so a missing one is a bug.
 */
public final class OAuth2Settings {
    private final Configuration configuration;

    private OAuth2Settings(Configuration configuration) {
        this.configuration = requireNonNull(configuration, "configuration");
    }

    public static OAuth2Settings of(Configuration configuration) {
        return new OAuth2Settings(configuration);
    }

    public String clientId() {
        return configuration.require(CommonConfiguration.OAUTH_API_KEY);
    }

    public String clientSecret() {
        return configuration.require(CommonConfiguration.OAUTH_API_SECRET);
    }

    public String callbackUrl() {
        return configuration.require(CommonConfiguration.OAUTH_CALLBACK_URL);
    }

    public URI authorizationUrl() {
        return URI.create(configuration.require(CommonConfiguration.OAUTH_AUTHORIZATION_URL));
    }

    public URI tokenUrl() {
        return URI.create(configuration.require(CommonConfiguration.OAUTH_TOKEN_URL));
    }

    /** The API root without a trailing slash, so that paths starting with one append cleanly. */
    public String baseUrl() {
        String base = configuration.require(CommonConfiguration.BASE_URL);
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public Configuration configuration() {
        return configuration;
    }
}
