package dev.elements.facebook;

/** What this plugin knows about Facebook, in one place, so that a new Graph version is one edit. */
public final class FacebookFacts {
    public static final String KEY = "facebooksocial";
    /** The id Cloud Elements gave the element in its published sample instance. */
    public static final long ID = 48;
    public static final String HUB = "social";
    public static final String GRAPH_VERSION = "v25.0";
    public static final String BASE_URL = "https://graph.facebook.com/" + GRAPH_VERSION;
    public static final String AUTHORIZATION_URL = "https://www.facebook.com/" + GRAPH_VERSION + "/dialog/oauth";
    public static final String TOKEN_URL = BASE_URL + "/oauth/access_token";
    public static final String DEFAULT_SCOPE = "public_profile";
    /** Facebook's login dialog separates permissions with commas. */
    public static final String SCOPE_SEPARATOR = ",";

    public static final String CONFIG_API_KEY = "oauth.api.key";
    public static final String CONFIG_API_SECRET = "oauth.api.secret";
    public static final String CONFIG_CALLBACK_URL = "oauth.callback.url";
    public static final String CONFIG_SCOPE = "oauth.scope";
    public static final String CONFIG_BASE_URL = "base.url";
    public static final String CONFIG_AUTHORIZATION_URL = "oauth.authorization.url";
    public static final String CONFIG_TOKEN_URL = "oauth.token.url";

    private FacebookFacts() {
    }
}
