package dev.elements.core.element;

import java.util.List;
import java.util.Map;

/**
 * The configuration keys every element has, as Cloud Elements documents them ("common instance
 * configuration"), plus the keys through which the platform shows an instance's provider
 * credentials. An element may declare any of them itself to change its default.
 */
public final class CommonConfiguration {
    public static final String ACCESS_TOKEN = "oauth.user.token";
    public static final String REFRESH_TOKEN = "oauth.user.refresh_token";
    public static final String REFRESH_TIME = "oauth.user.refresh_time";
    public static final String REFRESH_INTERVAL = "oauth.user.refresh_interval";
    public static final String EVENTS_ENABLED = "event.notification.enabled";
    public static final String EVENT_VENDOR_TYPE = "event.vendor.type";
    public static final String EVENT_NOTIFICATION_TYPE = "event.notification.type";
    public static final String EVENT_CALLBACK_URL = "event.notification.callback.url";
    public static final String EVENT_SIGNATURE_KEY = "event.notification.signature.key";
    public static final String EVENT_POLLER_INTERVAL = "event.poller.refresh_interval";
    public static final String FILTER_RESPONSE_NULLS = "filter.response.nulls";
    public static final String PAGINATION_MAX = "pagination.max";
    /** The application's id at the provider (OAuth2 {@code client_id}). */
    public static final String OAUTH_API_KEY = "oauth.api.key";
    /** The application's secret at the provider (OAuth2 {@code client_secret}). */
    public static final String OAUTH_API_SECRET = "oauth.api.secret";
    /** The redirect URI registered with the provider, byte for byte. */
    public static final String OAUTH_CALLBACK_URL = "oauth.callback.url";
    /** The permissions asked for, in the element's notation. */
    public static final String OAUTH_SCOPE = "oauth.scope";
    /** The provider's authorization (login) endpoint; the operator's to change. */
    public static final String OAUTH_AUTHORIZATION_URL = "oauth.authorization.url";
    /** The provider's token endpoint; the operator's to change. */
    public static final String OAUTH_TOKEN_URL = "oauth.token.url";
    /** The provider's API root that hub paths are appended to; the operator's to change. */
    public static final String BASE_URL = "base.url";
    /** The largest page size an element may allow, whatever its provider takes. */
    public static final long MAX_PAGINATION_MAX = 1_000;

    /**
     * The bounds of the common numeric keys, which every element's entry of that key keeps unless it
     * declares its own. A renewal interval is added to times, so an unbounded one overflowed after
     * the provider had been asked; a minute to a year covers every real use.
     */
    public static final Map<String, NumberRange> RANGES = Map.of(
            REFRESH_INTERVAL, new NumberRange(60, 365L * 24 * 60 * 60),
            EVENT_POLLER_INTERVAL, new NumberRange(1, 365L * 24 * 60),
            PAGINATION_MAX, new NumberRange(1, MAX_PAGINATION_MAX));

    public static final List<ConfigurationEntry> ENTRIES = List.of(
            ConfigurationEntry.instance(EVENTS_ENABLED, "Events enabled",
                    "Whether the platform receives provider events for this instance", "false",
                    ConfigurationType.BOOLEAN, false, ValueFormat.BOOLEAN),
            ConfigurationEntry.instance(EVENT_VENDOR_TYPE, "Event type",
                    "How the platform learns of provider changes: webhook or polling", null,
                    ConfigurationType.TEXTFIELD_32, false, ValueFormat.TEXT),
            ConfigurationEntry.instance(EVENT_NOTIFICATION_TYPE, "Notification type",
                    "How events reach the application; webhook is the only kind", "webhook",
                    ConfigurationType.TEXTFIELD_32, false, ValueFormat.TEXT),
            ConfigurationEntry.instance(EVENT_CALLBACK_URL, "Event callback URL",
                    "Where the platform POSTs events for this instance", null,
                    ConfigurationType.TEXTFIELD_1000, false, ValueFormat.HTTP_URL),
            ConfigurationEntry.instance(EVENT_SIGNATURE_KEY, "Callback signature key",
                    "Key of the HMAC-SHA256 signature on event callbacks", null,
                    ConfigurationType.PASSWORD, false, ValueFormat.TEXT),
            ConfigurationEntry.instance(EVENT_POLLER_INTERVAL, "Event poller interval",
                    "Minutes between polls, for elements that poll", "15",
                    ConfigurationType.TEXTFIELD_32, false, ValueFormat.POSITIVE_INTEGER)
                    .withRange(RANGES.get(EVENT_POLLER_INTERVAL)),
            ConfigurationEntry.instance(FILTER_RESPONSE_NULLS, "Filter null values",
                    "Whether null values are removed from hub responses", "true",
                    ConfigurationType.BOOLEAN, false, ValueFormat.BOOLEAN),
            ConfigurationEntry.instance(REFRESH_INTERVAL, "Token refresh interval",
                    "Seconds between renewals of the provider token", "3600",
                    ConfigurationType.TEXTFIELD_32, false, ValueFormat.POSITIVE_INTEGER)
                    .withRange(RANGES.get(REFRESH_INTERVAL)),
            ConfigurationEntry.platform(ACCESS_TOKEN, "Provider access token",
                    "The provider token the platform holds for this instance", ConfigurationType.PASSWORD),
            ConfigurationEntry.platform(REFRESH_TOKEN, "Provider refresh token",
                    "The provider refresh token, where the provider issues one", ConfigurationType.PASSWORD),
            ConfigurationEntry.platform(REFRESH_TIME, "Last token renewal",
                    "Epoch milliseconds of the last renewal of the provider token", ConfigurationType.TEXTFIELD_32));

    private CommonConfiguration() {
    }

    /**
     * The entries of an OAuth2 element: the application's id, secret and callback (required), the
     * scope with the element's default, and the endpoints, which only the operator may change.
     *
     * @param provider the provider's name as the application developer knows it, for descriptions
     * @param defaultScope the scope asked for when the application names none
     * @param authorizationUrl the provider's authorization endpoint
     * @param tokenUrl the provider's token endpoint
     * @param baseUrl the provider's API root
     */
    public static List<ConfigurationEntry> oauth2Entries(String provider, String defaultScope,
            String authorizationUrl, String tokenUrl, String baseUrl) {
        return List.of(
                ConfigurationEntry.instance(OAUTH_API_KEY, "Client ID",
                        "The client id of your " + provider + " app", null, ConfigurationType.TEXTFIELD_128, true,
                        ValueFormat.TEXT),
                ConfigurationEntry.instance(OAUTH_API_SECRET, "Client secret",
                        "The client secret of your " + provider + " app", null, ConfigurationType.PASSWORD, true,
                        ValueFormat.TEXT),
                ConfigurationEntry.instance(OAUTH_CALLBACK_URL, "Callback URL",
                        "A redirect URI of your " + provider + " app, exactly as registered", null,
                        ConfigurationType.TEXTFIELD_1000, true, ValueFormat.HTTP_URL),
                ConfigurationEntry.instance(OAUTH_SCOPE, "Scope", "The permissions to ask for", defaultScope,
                        ConfigurationType.TEXTFIELD_1000, false, ValueFormat.TEXT),
                ConfigurationEntry.endpoint(BASE_URL, "API URL", "The root of " + provider + "'s API", baseUrl),
                ConfigurationEntry.endpoint(OAUTH_AUTHORIZATION_URL, "Authorization URL",
                        provider + "'s authorization endpoint", authorizationUrl),
                ConfigurationEntry.endpoint(OAUTH_TOKEN_URL, "Token URL",
                        "Where codes and refresh tokens are exchanged", tokenUrl));
    }

    /** {@code entry} with the common bounds of its key, when it has some and declares none of its own. */
    public static ConfigurationEntry withCommonRange(ConfigurationEntry entry) {
        NumberRange common = RANGES.get(entry.key());
        return common != null && entry.range().equals(NumberRange.POSITIVE) ? entry.withRange(common) : entry;
    }
}
