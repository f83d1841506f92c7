package dev.elements.facebook.fake;

import dev.elements.core.fake.oauth2.FakeClock;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A faithful, local Facebook: the login dialog, the OAuth token endpoint, {@code /debug_token} and the Graph API
 * nodes and edges a social hub uses, served over real HTTP on 127.0.0.1 with only the JDK.
 *
 * <p>It keeps Facebook's rules so that clients tested against it work against the real thing: single-use codes
 * bound to the redirect URI and expiring after ten minutes, no refresh tokens, long-lived exchange, Graph errors
 * with their codes and subcodes, {@code appsecret_proof}, cursor paging with absolute {@code next} URLs, usage
 * headers and rate limits. Tests steer it (deny a login, expire or revoke tokens, queue errors, slow it down, take it
 * down, advance its clock) and observe it (recorded requests, counters). The package documentation lists the rules
 * that are inferred rather than documented by Facebook.
 *
 * <pre>{@code
 * try (FakeFacebook facebook = FakeFacebook.start()) {
 *     FakeApp app = facebook.registerApp("1234567890", "app-secret", "https://elements.test/callback");
 *     FakeUser ada = facebook.createUser("Ada Lovelace");
 *     String code = facebook.issueCode(app, ada, "https://elements.test/callback", "email", "user_posts");
 *     // point the client at facebook.tokenUrl() and facebook.graphUrl()
 * }
 * }</pre>
 *
 * <p>Thread-safe: a pool of 32 threads serves requests and all state sits behind one lock, so storms of concurrent
 * calls see consistent state (a code raced by many exchanges succeeds exactly once).
 */
public final class FakeFacebook implements AutoCloseable {

    private static final int THREADS = 32;
    private static final int CONNECTION_BACKLOG = 512;

    private final Object lock = new Object();
    private final FakeClock clock = new FakeClock();
    private final Switches switches = new Switches();
    private final Observations observations = new Observations();
    private final SocialGraph graph = new SocialGraph(clock);
    private final Credentials credentials = new Credentials(clock);
    private final UsageMeter usage = new UsageMeter();
    private final LoginDialog loginDialog = new LoginDialog(credentials, this::loggedInUser);
    private final FakeWebhooks webhooks = new FakeWebhooks(clock);
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private FakeUser loggedIn;

    private FakeFacebook(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), CONNECTION_BACKLOG);
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        Authenticator authenticator = new Authenticator(credentials, clock);
        RateLimiter rateLimiter = new RateLimiter(usage, credentials, clock);
        GraphNodes nodes = new GraphNodes(graph, credentials, this::graphUrl);
        FacebookHttpHandler handler = new FacebookHttpHandler(lock, clock, switches, observations, loginDialog,
                new TokenEndpoint(credentials, authenticator, switches, observations),
                new DebugTokenEndpoint(credentials, graph, authenticator, rateLimiter, switches, observations),
                new GraphApi(graph, credentials, authenticator, rateLimiter, nodes, switches, observations,
                        this::baseUrl));
        server.createContext("/", handler);
        executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(executor);
    }

    static {
        // The JDK server otherwise leaves Nagle's algorithm on, and a response written in two
        // segments then waits for the client's delayed ACK: about 40 ms a call, which would make
        // every benchmark and timeout test measure the fake instead of the platform.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Starts a fresh fake on a free port of 127.0.0.1. */
    public static FakeFacebook start() {
        return start(0);
    }

    /** Starts a fresh fake on the given port of 127.0.0.1 (0: any free one), for demos. */
    public static FakeFacebook start(int port) {
        try {
            FakeFacebook facebook = new FakeFacebook(port);
            facebook.server.start();
            return facebook;
        } catch (IOException cannotListen) {
            throw new UncheckedIOException("Fake Facebook could not listen on 127.0.0.1", cannotListen);
        }
    }

    /** Stops listening at once; calls in flight are cut off. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // --- addresses ---

    /** {@code http://127.0.0.1:PORT}, serving every route with or without a version prefix. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The Graph root the platform uses as {@code base.url}: {@code baseUrl() + "/v25.0"}. */
    public String graphUrl() {
        return baseUrl + "/" + GraphApi.DEFAULT_VERSION;
    }

    /** The login dialog, for {@code oauth.authorization.url}. */
    public String authorizationUrl() {
        return graphUrl() + "/dialog/oauth";
    }

    /** The token endpoint, for {@code oauth.token.url}. */
    public String tokenUrl() {
        return graphUrl() + "/oauth/access_token";
    }

    /** The token inspection endpoint. */
    public String debugTokenUrl() {
        return graphUrl() + "/debug_token";
    }

    // --- apps ---

    /**
     * Registers an app.
     *
     * @param validRedirectUris the "Valid OAuth Redirect URIs", matched exactly; none means any is accepted
     */
    public FakeApp registerApp(String appId, String appSecret, String... validRedirectUris) {
        synchronized (lock) {
            return credentials.registerApp(new FakeApp(appId, appSecret, Arrays.asList(validRedirectUris)));
        }
    }

    /** The app's "Require App Secret" setting: every user and page token call must then carry appsecret_proof. */
    public void requireAppSecretProof(String appId, boolean required) {
        synchronized (lock) {
            credentials.requireAppSecretProof(appId, required);
        }
    }

    /**
     * The app's Graph budget per rolling hour. Without it, Facebook's rule applies: 200 calls per hour for each user
     * who has a token for the app (at least 200).
     */
    public void setAppCallBudget(String appId, int callsPerHour) {
        synchronized (lock) {
            credentials.requireApp(appId);
            usage.setAppBudget(appId, callsPerHour);
        }
    }

    /** A page's budget per rolling hour for page-token calls (default 4800); beyond it, code 80001. */
    public void setPageCallBudget(String pageId, int callsPerHour) {
        synchronized (lock) {
            usage.setPageBudget(pageId, callsPerHour);
        }
    }

    /** The {@code expires_in} of tokens from the code grant (default 5183944 seconds, about 60 days). */
    public void setCodeTokenLifetime(Duration lifetime) {
        synchronized (lock) {
            credentials.setCodeTokenLifetime(lifetime);
        }
    }

    /** The {@code expires_in} of tokens from {@code fb_exchange_token} (default 5183944 seconds). */
    public void setLongLivedTokenLifetime(Duration lifetime) {
        synchronized (lock) {
            credentials.setLongLivedTokenLifetime(lifetime);
        }
    }

    // --- people and content ---

    /** A new user named e.g. "Ada Lovelace", with email {@code ada.lovelace@example.com}. */
    public FakeUser createUser(String name) {
        return createUser(name, null);
    }

    /** A new user with a given email. */
    public FakeUser createUser(String name, String email) {
        synchronized (lock) {
            return graph.createUser(name, email);
        }
    }

    /** Who the login dialog logs in from now on. By default the first user created (or a new one if none). */
    public void loginAs(FakeUser user) {
        synchronized (lock) {
            loggedIn = graph.user(user.id()).orElseThrow(() -> new IllegalArgumentException("Unknown user " + user));
        }
    }

    /** Makes two users friends of each other, listed by {@code GET /{user}/friends}. */
    public void addFriend(FakeUser user, FakeUser friend) {
        synchronized (lock) {
            graph.addFriendship(user.id(), friend.id());
        }
    }

    /** A post by the user on their own feed. */
    public FakePost addPost(FakeUser owner, String message) {
        synchronized (lock) {
            return graph.addPost(owner.id(), owner.id(), message, null);
        }
    }

    /**
     * A post by the user on their own feed, made at {@code createdTime} rather than now: Graph keeps
     * {@code created_time} to the second, and a poller must tell apart posts of one second.
     */
    public FakePost addPost(FakeUser owner, String message, Instant createdTime) {
        synchronized (lock) {
            return graph.addPost(owner.id(), owner.id(), message, null, createdTime);
        }
    }

    /** A post by the page on its own feed. */
    public FakePost addPost(FakePage page, String message) {
        synchronized (lock) {
            return graph.addPost(page.id(), page.id(), message, null);
        }
    }

    /** A post written by someone on another profile's feed, e.g. a visitor post on a page. */
    public FakePost addPost(String feedOwnerId, FakeUser author, String message, String link) {
        synchronized (lock) {
            if (!graph.isProfile(feedOwnerId)) {
                throw new IllegalArgumentException("No user or page " + feedOwnerId);
            }
            return graph.addPost(feedOwnerId, author.id(), message, link);
        }
    }

    /** A comment on a post, photo, video or comment. */
    public FakeComment addComment(String objectId, FakeUser from, String message) {
        synchronized (lock) {
            requireContent(objectId);
            return graph.addComment(objectId, from.id(), message);
        }
    }

    /** A like on a post, photo, video or comment. */
    public void addLike(String objectId, FakeUser user) {
        synchronized (lock) {
            requireContent(objectId);
            graph.addLike(objectId, user.id());
        }
    }

    /** A photo the user uploaded, listed by {@code GET /{user}/photos?type=uploaded}. */
    public FakePhoto addPhoto(FakeUser owner, String caption) {
        synchronized (lock) {
            return graph.addPhoto(owner.id(), caption);
        }
    }

    /** A video the user uploaded, listed by {@code GET /{user}/videos}. */
    public FakeVideo addVideo(FakeUser owner, String title) {
        synchronized (lock) {
            return graph.addVideo(owner.id(), title);
        }
    }

    /** The file a photo or video was published from over the Graph API; empty for those added here or deleted. */
    public Optional<UploadedFile> uploadOf(String objectId) {
        synchronized (lock) {
            return graph.upload(objectId);
        }
    }

    /** Whether the photo or video is there (deleted ones are not). */
    public boolean hasMedia(String objectId) {
        synchronized (lock) {
            return graph.photo(objectId).isPresent() || graph.video(objectId).isPresent();
        }
    }

    /** A page the user administers, listed by their {@code /me/accounts} with a page token. */
    public FakePage addPage(FakeUser owner, String name) {
        return addPage(owner, name, "Community");
    }

    /** A page the user administers, with its category. */
    public FakePage addPage(FakeUser owner, String name, String category) {
        synchronized (lock) {
            return graph.createPage(owner.id(), name, category);
        }
    }

    /** The user likes a page, listed by {@code GET /{user}/likes}. */
    public void addUserLike(FakeUser user, FakePage page) {
        synchronized (lock) {
            graph.addPageLike(user.id(), page.id());
        }
    }

    /** The user likes a page nobody in the fake administers, created on the fly. */
    public FakePage addUserLike(FakeUser user, String pageName) {
        synchronized (lock) {
            FakePage page = graph.createPage(null, pageName, "Community");
            graph.addPageLike(user.id(), page.id());
            return page;
        }
    }

    /** A post as it is now, e.g. after a client published or deleted it through the Graph API. */
    public Optional<FakePost> findPost(String postId) {
        synchronized (lock) {
            return graph.post(postId);
        }
    }

    /** The comments on an object, oldest first. */
    public List<FakeComment> commentsOn(String objectId) {
        synchronized (lock) {
            return graph.commentsOn(objectId);
        }
    }

    /** How many profiles like an object. */
    public int likeCountOf(String objectId) {
        synchronized (lock) {
            return graph.likesOf(objectId).size();
        }
    }

    // --- login and tokens ---

    /** The next login dialog redirects as if the user clicked Cancel ({@code error=access_denied}). */
    public void denyNextLogin() {
        synchronized (lock) {
            loginDialog.denyNextLogin();
        }
    }

    /** The next login grants everything asked except these, which {@code /me/permissions} lists as declined. */
    public void declineOnNextLogin(String... scopes) {
        synchronized (lock) {
            loginDialog.declineOnNextLogin(List.of(scopes));
        }
    }

    /** A code as the dialog would issue it, without going through the dialog. {@code public_profile} is added. */
    public String issueCode(FakeApp app, FakeUser user, String redirectUri, String... scopes) {
        synchronized (lock) {
            credentials.requireApp(app.id());
            return credentials.issueCode(app.id(), user.id(), redirectUri,
                    LoginDialog.grantedWithProfile(List.of(scopes)), List.of(), null, null).value();
        }
    }

    /** A user token as a code exchange would return it, for tests that start after login. */
    public String issueUserToken(FakeApp app, FakeUser user, String... scopes) {
        synchronized (lock) {
            credentials.requireApp(app.id());
            return credentials.issueUserToken(app.id(), user.id(), LoginDialog.grantedWithProfile(List.of(scopes)),
                    List.of(), credentials.codeTokenLifetime()).value();
        }
    }

    /** The page token the app gets for a page through its admin, as {@code /me/accounts} lists it. */
    public String pageTokenFor(FakeApp app, FakePage page) {
        synchronized (lock) {
            if (page.ownerId() == null) {
                throw new IllegalArgumentException("Nobody administers page " + page.id() + ", so it has no token");
            }
            List<String> scopes = credentials.latestValidUserToken(page.ownerId(), app.id())
                    .map(IssuedToken::scopes).orElse(List.of("public_profile", "pages_show_list"));
            return credentials.pageToken(app.id(), page.ownerId(), page.id(), scopes).value();
        }
    }

    /** Whether a user or page token works right now (issued, not expired, not revoked). */
    public boolean isValidToken(String accessToken) {
        synchronized (lock) {
            return credentials.status(accessToken) == TokenStatus.VALID;
        }
    }

    /** The newest user token issued to the user, by any app and by any grant. */
    public Optional<String> latestTokenOf(FakeUser user) {
        synchronized (lock) {
            List<IssuedToken> tokens = credentials.userTokensOf(user.id());
            return tokens.isEmpty() ? Optional.empty() : Optional.of(tokens.get(tokens.size() - 1).value());
        }
    }

    /** All user tokens issued to the user, oldest first. */
    public List<String> tokensOf(FakeUser user) {
        synchronized (lock) {
            return credentials.userTokensOf(user.id()).stream().map(IssuedToken::value).toList();
        }
    }

    /** The permissions granted with a token. */
    public List<String> scopesOf(String accessToken) {
        synchronized (lock) {
            return credentials.token(accessToken).map(IssuedToken::scopes)
                    .orElseThrow(() -> new IllegalArgumentException("The fake never issued this token"));
        }
    }

    /** The token expires now: Graph answers 190/463 and it can no longer be exchanged. */
    public void expire(String accessToken) {
        synchronized (lock) {
            credentials.expire(accessToken);
        }
    }

    /** The user removed every app: all their user and page tokens get 190/458. A later login works again. */
    public void revoke(FakeUser user) {
        synchronized (lock) {
            credentials.revoke(user.id(), null);
        }
    }

    /** The user removed one app. */
    public void revoke(FakeUser user, FakeApp app) {
        synchronized (lock) {
            credentials.revoke(user.id(), app.id());
        }
    }

    // --- misbehaviour ---

    /**
     * The next {@code count} Graph calls (nodes, edges and {@code debug_token}, not the OAuth token endpoint) fail
     * with this error. Queued errors are used in order.
     */
    public void failNextGraphCalls(int count, GraphError error) {
        switches.failNextGraphCalls(count, error);
    }

    /** The next {@code count} calls to the OAuth token endpoint fail with this error. */
    public void failNextTokenCalls(int count, GraphError error) {
        switches.failNextTokenCalls(count, error);
    }

    /** Every answer is delayed this long (zero by default). */
    public void setLatency(Duration latency) {
        switches.setLatency(latency);
    }

    /** While down, connections are accepted and closed without an answer: clients see an IOException. */
    public void setDown(boolean down) {
        switches.setDown(down);
    }

    /** While on, every route answers 200 with an HTML page instead of JSON, as a broken proxy would. */
    public void setGarbage(boolean garbage) {
        switches.setGarbage(garbage);
    }

    /**
     * While non-zero, every answer sends its headers at once and then its body one byte per
     * {@code interval}, as a provider behind a choking link would; zero (the default) sends bodies whole.
     */
    public void setDripping(Duration interval) {
        switches.setDrip(interval);
    }

    /** Moves the fake's clock forward: codes and tokens expire, usage leaves the rolling hour. */
    public void advanceClock(Duration duration) {
        clock.advance(duration);
    }

    /** The fake's current time. */
    public Instant now() {
        return clock.now();
    }

    // --- observation ---

    /** Every request received so far (including those answered with errors or dropped while down), in order. */
    public List<RecordedRequest> requests() {
        return observations.requests();
    }

    /**
     * Waits until a request like {@code wanted} has been received (it is recorded before the
     * latency switch holds its answer back), for at most {@code timeout}; false when none came.
     */
    public boolean awaitRequest(Predicate<RecordedRequest> wanted, Duration timeout) throws InterruptedException {
        return observations.awaitRequest(wanted, timeout);
    }

    /** Calls to the token endpoint with the code grant, successful or not. */
    public int codeExchanges() {
        return observations.codeExchanges();
    }

    /** Calls to the token endpoint with {@code grant_type=fb_exchange_token}, successful or not. */
    public int longLivedExchanges() {
        return observations.longLivedExchanges();
    }

    /** Calls to {@code /debug_token}. */
    public int debugTokenCalls() {
        return observations.debugTokenCalls();
    }

    /** Calls to Graph nodes and edges (not the dialog, token endpoint or debug_token), answered or failed. */
    public int graphCalls() {
        return observations.graphCalls();
    }

    /** Forgets the counters and the recorded requests, so a test can count from here on. */
    public void resetCounters() {
        observations.reset();
    }

    // --- webhooks ---

    /** Facebook's webhook and callback sender. */
    public FakeWebhooks webhooks() {
        return webhooks;
    }

    /** See {@link FakeWebhooks#deliverWebhook(URI, FakeApp, String)}. */
    public HttpResponse<String> deliverWebhook(URI callback, FakeApp app, String jsonBody) {
        return webhooks.deliverWebhook(callback, app, jsonBody);
    }

    /** See {@link FakeWebhooks#verifySubscription(URI, String, String)}. */
    public HttpResponse<String> verifySubscription(URI callback, String verifyToken, String challenge) {
        return webhooks.verifySubscription(callback, verifyToken, challenge);
    }

    // --- internals ---

    /** Called by the dialog under the lock. */
    private FakeUser loggedInUser() {
        if (loggedIn == null) {
            loggedIn = graph.users().stream().findFirst().orElseGet(() -> graph.createUser("Test User", null));
        }
        return loggedIn;
    }

    private void requireContent(String objectId) {
        if (!graph.isContent(objectId)) {
            throw new IllegalArgumentException("No post, photo, video or comment " + objectId);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "fake-facebook-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
