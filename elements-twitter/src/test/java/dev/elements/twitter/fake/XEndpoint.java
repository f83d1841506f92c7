package dev.elements.twitter.fake;

import java.util.List;

/**
 * The X API v2 endpoints the fake serves, each with its own per-user rate limit per 15-minute window and the OAuth 2.0
 * scopes it needs (see the package documentation for sources).
 */
public enum XEndpoint {
    USERS_ME("GET", "/2/users/me", 75, List.of("tweet.read", "users.read")),
    USER("GET", "/2/users/{id}", 900, List.of("tweet.read", "users.read")),
    TWEET("GET", "/2/tweets/{id}", 900, List.of("tweet.read", "users.read")),
    USER_TWEETS("GET", "/2/users/{id}/tweets", 900, List.of("tweet.read", "users.read")),
    CREATE_TWEET("POST", "/2/tweets", 200, List.of("tweet.read", "tweet.write", "users.read")),
    DELETE_TWEET("DELETE", "/2/tweets/{id}", 50, List.of("tweet.read", "tweet.write", "users.read")),
    LIKED_TWEETS("GET", "/2/users/{id}/liked_tweets", 75, List.of("tweet.read", "users.read", "like.read")),
    LIKE("POST", "/2/users/{id}/likes", 50, List.of("tweet.read", "users.read", "like.write")),
    UNLIKE("DELETE", "/2/users/{id}/likes/{tweet_id}", 50, List.of("tweet.read", "users.read", "like.write"));

    private final String method;
    private final String pathPattern;
    private final int limitPerWindow;
    private final List<String> scopes;

    XEndpoint(String method, String pathPattern, int limitPerWindow, List<String> scopes) {
        this.method = method;
        this.pathPattern = pathPattern;
        this.limitPerWindow = limitPerWindow;
        this.scopes = scopes;
    }

    public String method() {
        return method;
    }

    /** The path with {@code {name}} placeholders, as routed by the generic fake provider. */
    public String pathPattern() {
        return pathPattern;
    }

    /** Calls a user may make in one 15-minute window. */
    public int limitPerWindow() {
        return limitPerWindow;
    }

    public List<String> scopes() {
        return scopes;
    }
}
