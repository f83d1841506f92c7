package dev.elements.twitter;

/** What this plugin knows about X (API v2), in one place; the fake X's package documentation cites the sources. */
public final class TwitterFacts {
    public static final String KEY = "twitter";
    /** Ours: Cloud Elements published no id for an X API v2 element. */
    public static final long ID = 4101;
    public static final String HUB = "social";
    public static final String NAME = "X (Twitter)";
    public static final String AUTHORIZATION_URL = "https://x.com/i/oauth2/authorize";
    public static final String TOKEN_URL = "https://api.x.com/2/oauth2/token";
    public static final String BASE_URL = "https://api.x.com/2";
    /** {@code offline.access} is what makes X issue a refresh token; without it an instance dies in two hours. */
    public static final String DEFAULT_SCOPE = "tweet.read tweet.write users.read like.read like.write offline.access";

    /** X's page sizes: {@code max_results} at most 100. */
    public static final int LARGEST_PAGE = 100;
    /**
     * X refuses {@code max_results} below 5 for a user's posts and below 10 for liked posts; 10 is
     * the smallest page both take, so smaller pages are asked at 10 and cut.
     */
    public static final int SMALLEST_PAGE = 10;
    public static final String PAGE_SIZE = "max_results";
    public static final String PAGE_CURSOR = "pagination_token";
    public static final String NEXT_CURSOR = "/meta/next_token";

    /** Limits per 15-minute window, counted per user for user tokens. */
    public static final String RATE_LIMIT_LIMIT = "x-rate-limit-limit";
    public static final String RATE_LIMIT_REMAINING = "x-rate-limit-remaining";
    /** When the window ends, in epoch seconds. */
    public static final String RATE_LIMIT_RESET = "x-rate-limit-reset";

    /** X's problem type for what does not exist, in a 404 and in the {@code errors} of a 200. */
    public static final String RESOURCE_NOT_FOUND = "https://api.twitter.com/2/problems/resource-not-found";
    /** X's problem type for what the user may not see (protected posts). */
    public static final String NOT_AUTHORIZED_FOR_RESOURCE =
            "https://api.twitter.com/2/problems/not-authorized-for-resource";

    /** X ids (users and posts) are strings of 1 to 19 digits. */
    public static final String ID_PATTERN = "[0-9]{1,19}";
    public static final int ID_MAX_LENGTH = 19;
    /** Stands for the instance's own user where X needs a user id. */
    public static final String ME = "me";

    private TwitterFacts() {
    }
}
