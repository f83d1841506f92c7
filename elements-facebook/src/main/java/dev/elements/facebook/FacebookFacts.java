package dev.elements.facebook;

import java.util.Set;

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

    /** Every instance of one Facebook app shares the app's call budget, so the app id names the bucket. */
    public static final String USAGE_BUCKET_PREFIX = KEY + ":app:";
    /** Percentages of the app's hourly budget used: call count, time and CPU time. */
    public static final String APP_USAGE_HEADER = "X-App-Usage";
    /** The same percentages for calls made with a page token, counted against the page. */
    public static final String PAGE_USAGE_HEADER = "X-Page-Usage";
    /** Per business (page) use case: the percentages and the minutes until access comes back. */
    public static final String BUSINESS_USAGE_HEADER = "X-Business-Use-Case-Usage";
    /** The percentages the usage headers carry. */
    public static final Set<String> USAGE_PERCENTAGES = Set.of("call_count", "total_time", "total_cputime");
    public static final String REGAIN_ACCESS_MINUTES = "estimated_time_to_regain_access";

    /** Proves that a call comes from the app's server: lowercase hex HMAC-SHA256 of the token, keyed by the secret. */
    public static final String APP_SECRET_PROOF = "appsecret_proof";
    /** The page size of a Graph edge; Facebook caps it (usually at 100) whatever is asked. */
    public static final String LIMIT = "limit";
    /** The cursor a Graph edge continues after. */
    public static final String AFTER = "after";
    /**
     * Parameters only the plugin may set. The credentials and their proofs are the instance's; the
     * paging ones are the platform's; {@code method} would let a GET resource delete, and
     * {@code suppress_http_code} would disguise refusals as successes; {@code batch} and
     * {@code callback} turn a call into something else entirely; {@code pageToken} is the platform's
     * (the page a call acts as), never Graph's.
     */
    public static final Set<String> RESERVED_PARAMETERS = Set.of("access_token", APP_SECRET_PROOF,
            "appsecret_time", LIMIT, AFTER, "before", "offset", "method", "suppress_http_code", "batch",
            "callback", "pageToken");
    /**
     * The parameters of a {@code paging.next} URL that say where the next page starts, for edges that
     * page by time ({@code until}, {@code __paging_token}) or offset instead of cursors.
     */
    public static final Set<String> CONTINUATION_PARAMETERS = Set.of(AFTER, "until", "since", "__paging_token",
            "offset");
    /**
     * Graph ids: digits, or an owner's and an object's digits joined by an underscore (posts,
     * comments). Node names ({@code debug_token}, {@code app}, {@code oauth}) and usernames are not
     * ids: through a hub path they would reach Graph endpoints other than the resource's.
     */
    public static final String ID_PATTERN = "[0-9]{1,32}(?:_[0-9]{1,32})?";
    /** An id, or {@code me}: the user (or page) whose token the instance holds. */
    public static final String ID_OR_ME_PATTERN = "me|" + ID_PATTERN;
    /** The longest value either pattern matches. */
    public static final int ID_MAX_LENGTH = 65;

    private FacebookFacts() {
    }
}
