package dev.elements.twitter.fake;

import dev.elements.core.fake.oauth2.ClientAuthentication;
import dev.elements.core.fake.oauth2.FakeOAuth2Client;
import dev.elements.core.fake.oauth2.FakeOAuth2Options;
import dev.elements.core.fake.oauth2.FakeOAuth2Provider;
import dev.elements.core.fake.oauth2.FakeOAuth2User;
import dev.elements.core.fake.oauth2.FakeRequest;
import dev.elements.core.fake.oauth2.FakeResponse;
import dev.elements.core.fake.oauth2.RefreshTokens;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A faithful, local X (Twitter) API v2 with OAuth 2.0 Authorization Code with PKCE, over real HTTP on 127.0.0.1, built
 * on the generic {@link FakeOAuth2Provider}.
 *
 * <p>It keeps X's rules so that clients tested against it work against the real thing: PKCE required, confidential
 * clients authenticating with HTTP Basic, access tokens living two hours, a refresh token only with
 * {@code offline.access}, refresh tokens that are single-use and rotate on every refresh, cursor paging with
 * {@code pagination_token}, per-user per-endpoint rate limits with {@code x-rate-limit-*} headers, and errors as
 * problem details. The package documentation lists the facts with their sources and those that are inferred.
 *
 * <pre>{@code
 * try (FakeX x = FakeX.start()) {
 *     FakeOAuth2Client app = x.registerApp("client-id", "client-secret", "https://elements.test/callback");
 *     FakeXUser ada = x.createUser("Ada Lovelace");
 *     x.postTweet(ada, "Hello, X");
 *     String code = x.issueCode(app, ada, "https://elements.test/callback", challenge, "tweet.read", "users.read",
 *             "offline.access");
 *     // point the client at x.authorizationUrl(), x.tokenUrl() and x.apiBaseUrl()
 * }
 * }</pre>
 */
public final class FakeX implements AutoCloseable {

    /** X's user access tokens live two hours ({@code expires_in: 7200}). */
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(2);

    private final FakeOAuth2Provider provider;
    private final XContent content = new XContent();
    private final XRateLimits limits = new XRateLimits();

    private FakeX(FakeOAuth2Provider provider) {
        this.provider = provider;
        new XApi(provider, content, limits).serve();
    }

    /** Starts a fresh fake X on a free port of 127.0.0.1. */
    public static FakeX start() {
        return new FakeX(FakeOAuth2Provider.start(FakeOAuth2Options.defaults()
                .withClientAuthentications(ClientAuthentication.CLIENT_SECRET_BASIC)
                .withPkceRequired(true)
                .withAccessTokenLifetime(ACCESS_TOKEN_LIFETIME)
                .withRefreshTokens(RefreshTokens.ROTATING)
                .withRefreshNeedsOfflineAccess(true)
                .withPaths("/i/oauth2/authorize", "/2/oauth2/token")
                .withInvalidBearerToken(XProblems::unauthorized)));
    }

    @Override
    public void close() {
        provider.close();
    }

    /** The generic provider underneath, for what this class does not wrap. */
    public FakeOAuth2Provider provider() {
        return provider;
    }

    // --- addresses ---

    /** {@code http://127.0.0.1:PORT}, standing for both {@code https://x.com} and {@code https://api.x.com}. */
    public String baseUrl() {
        return provider.baseUrl();
    }

    /** X's {@code https://x.com/i/oauth2/authorize}. */
    public String authorizationUrl() {
        return provider.authorizationUrl();
    }

    /** X's {@code https://api.x.com/2/oauth2/token}. */
    public String tokenUrl() {
        return provider.tokenUrl();
    }

    /** X's {@code https://api.x.com/2}: resources are below it, e.g. {@code apiBaseUrl() + "/users/me"}. */
    public String apiBaseUrl() {
        return provider.baseUrl() + "/2";
    }

    // --- apps, users, posts ---

    /**
     * Registers an app's OAuth 2.0 client.
     *
     * @param secret the client secret of a confidential client, or {@code null} for a public one
     * @param callbackUrls the registered callback URLs, matched exactly
     */
    public FakeOAuth2Client registerApp(String clientId, String secret, String... callbackUrls) {
        return provider.registerClient(clientId, secret, callbackUrls);
    }

    /** A new user named e.g. "Ada Lovelace", with username {@code AdaLovelace}. */
    public FakeXUser createUser(String name) {
        FakeOAuth2User account = provider.createUser(name);
        return provider.atomically(() -> content.addUser(account));
    }

    /** Who the authorization page logs in from now on; by default the first user created. */
    public void loginAs(FakeXUser user) {
        provider.loginAs(account(user));
    }

    /** The next authorization request is cancelled by the user: {@code error=access_denied}. */
    public void denyNextLogin() {
        provider.denyNextLogin();
    }

    /**
     * A code as the authorization page would have redirected with, for tests that skip the page.
     *
     * @param codeChallenge the S256 challenge, which X requires
     */
    public String issueCode(FakeOAuth2Client app, FakeXUser user, String redirectUri, String codeChallenge,
                            String... scopes) {
        return provider.issueCode(app, account(user), redirectUri, codeChallenge, scopes);
    }

    /** A post by the user, as if written on X. */
    public FakeTweet postTweet(FakeXUser author, String text) {
        return provider.atomically(() -> {
            requireKnown(author);
            return content.post(author.id(), text, provider.now());
        });
    }

    /** A like by the user, as if given on X. */
    public void like(FakeXUser user, FakeTweet tweet) {
        provider.atomically(() -> {
            requireKnown(user);
            content.like(user.id(), content.tweet(tweet.id())
                    .orElseThrow(() -> new IllegalArgumentException("No post " + tweet.id())));
            return null;
        });
    }

    /** The user's posts, newest first. */
    public List<FakeTweet> tweetsOf(FakeXUser user) {
        return provider.atomically(() -> content.timeline(user.id()).stream().map(XContent.Entry::tweet).toList());
    }

    /** The posts the user likes, most recently liked first. */
    public List<FakeTweet> likedTweetsOf(FakeXUser user) {
        return provider.atomically(() -> content.likedTweets(user.id()).stream().map(XContent.Entry::tweet).toList());
    }

    // --- switches ---

    public void setLatency(Duration latency) {
        provider.setLatency(latency);
    }

    /** While down, everything answers 503. */
    public void setDown(boolean down) {
        provider.setDown(down);
    }

    /** Sets how many calls the user has left in the endpoint's current 15-minute window (0: the next is 429). */
    public void setRateLimitRemaining(FakeXUser user, XEndpoint endpoint, int remaining) {
        provider.atomically(() -> {
            limits.setRemaining(user.id(), endpoint, remaining, provider.now());
            return null;
        });
    }

    /** The next {@code count} calls of the endpoint fail with X's problem for the status, before any check. */
    public void failNextCalls(XEndpoint endpoint, int count, int status, String reason) {
        provider.failNext(endpoint.method(), endpoint.pathPattern(), count, XProblems.general(status, reason));
    }

    /** The next {@code count} calls of the token endpoint answer {@code failure}, before any check. */
    public void failNextTokenCalls(int count, FakeResponse failure) {
        provider.failNext("POST", provider.options().tokenPath(), count, failure);
    }

    /** Moves the fake's clock forward: tokens expire and rate-limit windows reset as if the time had passed. */
    public void advanceClock(Duration duration) {
        provider.advanceClock(duration);
    }

    // --- observations ---

    public List<FakeRequest> requests() {
        return provider.requests();
    }

    /** Token requests with {@code grant_type=authorization_code}, refused ones included. */
    public int codeExchanges() {
        return provider.codeExchanges();
    }

    /** Token requests with {@code grant_type=refresh_token}, refused ones included. */
    public int refreshes() {
        return provider.refreshes();
    }

    public void resetCounters() {
        provider.resetCounters();
    }

    public boolean isValidAccessToken(String accessToken) {
        return provider.isValidAccessToken(accessToken);
    }

    public Optional<String> latestAccessTokenOf(FakeXUser user) {
        return provider.latestAccessTokenOf(account(user));
    }

    public Optional<String> latestRefreshTokenOf(FakeXUser user) {
        return provider.latestRefreshTokenOf(account(user));
    }

    private static FakeOAuth2User account(FakeXUser user) {
        return new FakeOAuth2User(user.id(), user.name());
    }

    private void requireKnown(FakeXUser user) {
        if (content.user(user.id()).isEmpty()) {
            throw new IllegalArgumentException("Unknown user " + user);
        }
    }
}
