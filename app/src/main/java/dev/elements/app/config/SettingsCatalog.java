package dev.elements.app.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every {@code ELEMENTS_*} setting the server reads, in one table: {@code --help} prints it, the
 * start warns about a given name that is not in it, and a test holds it equal to the names the
 * settings records read. A new setting goes here as well as into its record.
 */
public final class SettingsCatalog {
    static final String PREFIX = "ELEMENTS_";

    /** The operator overrides of element defaults, which have a name per element and key. */
    public static final String ELEMENT_OVERRIDE_PATTERN = "ELEMENTS_<ELEMENT>_<KEY>";

    public static final List<Setting> ALL = List.of(
            new Setting("ELEMENTS_HTTP_PORT", Integer.toString(HttpSettings.DEFAULT_PORT),
                    "port to listen on (0: any free port, printed at start)"),
            new Setting("ELEMENTS_HTTP_HOST", HttpSettings.DEFAULT_HOST, "address to listen on"),
            new Setting("ELEMENTS_HTTP_MAX_BODY_BYTES", Long.toString(HttpSettings.DEFAULT_MAX_BODY_BYTES),
                    "largest request body; larger ones get 413"),
            new Setting("ELEMENTS_HUB_MAX_UPLOAD_BYTES", Long.toString(HttpSettings.DEFAULT_MAX_UPLOAD_BYTES),
                    "largest multipart/form-data upload on the hub resources that take uploads; larger ones get 413"),
            new Setting("ELEMENTS_HTTP_BODY_READ_TIMEOUT_MS", Long.toString(HttpSettings.DEFAULT_BODY_READ_TIMEOUT_MS),
                    "how long a request body may take to arrive before its connection is closed"),
            new Setting("ELEMENTS_HTTP_MAX_THREADS", Integer.toString(HttpSettings.DEFAULT_MAX_THREADS),
                    "most threads serving requests (at least " + HttpSettings.MIN_THREADS
                            + "); at most half of them read request bodies at once"),
            new Setting("ELEMENTS_PUBLIC_URL", "the listening address",
                    "where browsers reach this server: the connect pages and their provider callback are made from it"),
            new Setting("ELEMENTS_HTTP_CORS_ORIGINS", "none",
                    "origins whose browser pages may call the API, comma-separated, or * for any"),
            new Setting("ELEMENTS_AUTH_MAX_FAILURES", Integer.toString(HttpSettings.DEFAULT_MAX_FAILED_AUTHENTICATIONS),
                    "wrong secrets one address, or one presented secret, may send per window before getting 429"),
            new Setting("ELEMENTS_AUTH_FAILURE_WINDOW_SECONDS",
                    Long.toString(HttpSettings.DEFAULT_FAILED_AUTHENTICATION_WINDOW_SECONDS),
                    "the window over which failed authentications are counted"),
            new Setting("ELEMENTS_DATA_DIR", DatabaseSettings.DEFAULT_DATA_DIRECTORY,
                    "where the embedded database and a generated master key live (created mode 0700)"),
            new Setting("ELEMENTS_DATABASE_URL", "H2 file in the data directory",
                    "JDBC URL; jdbc:postgresql://... for PostgreSQL and several nodes"),
            new Setting("ELEMENTS_DATABASE_USER", "empty", "database login user"),
            new Setting("ELEMENTS_DATABASE_PASSWORD", "empty", "database login password"),
            new Setting("ELEMENTS_MASTER_KEY", "generated once into <data dir>/master.key",
                    "base64 of 32 bytes (openssl rand -base64 32): the key that protects stored credentials"),
            new Setting("ELEMENTS_BOOTSTRAP_ORGANIZATION_SECRET", "random, printed once",
                    "the first organization's secret on a first start (at least 32 characters)"),
            new Setting("ELEMENTS_BOOTSTRAP_USER_SECRET", "random, printed once",
                    "the first administrator's secret on a first start (at least 32 characters)"),
            new Setting("ELEMENTS_OPERATOR_SECRET", "unset: operator routes off",
                    "enables POST /organizations, key rotation and secret resets for the operator (at least 32 characters)"),
            new Setting("ELEMENTS_METRICS_TOKEN", "unset: /metrics open, like /health",
                    "when set, GET /metrics answers only Authorization: Bearer <token>; at least 32 characters"),
            new Setting("ELEMENTS_PROVIDER_TIMEOUT_MS", Long.toString(ProviderSettings.DEFAULT_TIMEOUT.toMillis()),
                    "how long the provider calls of one client request may take in all before the client gets 504"),
            new Setting("ELEMENTS_PROVIDER_MAX_RESPONSE_BYTES", Long.toString(ProviderSettings.DEFAULT_MAX_RESPONSE_BYTES),
                    "largest provider answer read; a larger one gets the client 502"),
            new Setting("ELEMENTS_OAUTH_PENDING_MAX",
                    Integer.toString(dev.elements.core.Elements.DEFAULT_PENDING_AUTHORIZATION_LIMIT),
                    "most PKCE logins under way at once; beyond it oauth/url answers 429"),
            new Setting("ELEMENTS_RENEWAL_SWEEP_MS", Long.toString(RenewalSettings.DEFAULT_SWEEP.toMillis()),
                    "how often each node looks for provider tokens due for renewal"),
            new Setting("ELEMENTS_EVENTS_PERIOD_MS", Long.toString(EventSettings.DEFAULT_PERIOD.toMillis()),
                    "how often each node looks for event deliveries and polls that are due"),
            new Setting("ELEMENTS_EVENTS_ALLOW_PRIVATE_CALLBACKS", "true",
                    "false refuses event callback URLs naming loopback, private or link-local addresses"),
            new Setting("ELEMENTS_COMPAT_TOKEN_READBACK", "false",
                    "true shows element tokens on every read of an instance, as Cloud Elements did (see the README)"),
            new Setting("ELEMENTS_ELEMENTS_DIR", "none",
                    "a directory of element documents (*.json) registered next to the plugins"),
            new Setting("ELEMENTS_LOG_FORMAT", LogSettings.TEXT,
                    "text, or json for one JSON object per line (for log collectors)"));

    private SettingsCatalog() {
    }

    /** The names of {@link #ALL}, in its order. */
    public static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        ALL.forEach(setting -> names.add(setting.name()));
        return names;
    }
}
