package dev.elements.core.fake.oauth2;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A generic, faithful OAuth 2.0 provider over real HTTP on 127.0.0.1, with only the JDK: the authorization endpoint,
 * the token endpoint (RFC 6749, PKCE per RFC 7636) and bearer-protected routes (RFC 6750) that a provider-specific
 * fake fills with its API.
 *
 * <pre>{@code
 * try (FakeOAuth2Provider provider = FakeOAuth2Provider.start(FakeOAuth2Options.defaults()
 *         .withPkceRequired(true).withRefreshTokens(RefreshTokens.ROTATING))) {
 *     FakeOAuth2Client client = provider.registerClient("client", "secret", "https://elements.test/callback");
 *     FakeOAuth2User ada = provider.createUser("Ada Lovelace");
 *     provider.route("GET", "/me", request -> FakeResponse.json(200, FakeJson.object().put("id", request.user().id())));
 *     String code = provider.issueCode(client, ada, "https://elements.test/callback", challenge, "profile");
 *     // point the client at provider.tokenUrl() and provider.baseUrl()
 * }
 * }</pre>
 *
 * <p>Tests steer it (deny a login, queue failures, slow it down, take it down, advance its clock) and observe it
 * (recorded requests, counters, tokens). Thread-safe: a pool of threads serves requests and all state sits behind one
 * lock, so that of many concurrent uses of one code or one rotating refresh token exactly one succeeds.
 */
public final class FakeOAuth2Provider implements AutoCloseable {

    private static final int THREADS = 32;
    private static final int CONNECTION_BACKLOG = 512;

    static {
        // The JDK server otherwise leaves Nagle's algorithm on, and a response written in two segments then waits
        // for the client's delayed ACK: about 40 ms a call.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Object lock = new Object();
    private final FakeClock clock = new FakeClock();
    private final Switches switches = new Switches();
    private final Observations observations = new Observations();
    private final Grants grants = new Grants();
    private final Routes routes = new Routes();
    private final FakeOAuth2Options options;
    private final AuthorizeEndpoint authorize;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;

    private FakeOAuth2Provider(FakeOAuth2Options options) throws IOException {
        this.options = options;
        authorize = new AuthorizeEndpoint(grants, options, clock);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), CONNECTION_BACKLOG);
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", new ProviderHttpHandler(lock, options, clock, switches, observations, grants,
                authorize, new TokenEndpoint(grants, options, clock, observations), routes));
        executor = Executors.newFixedThreadPool(THREADS, work -> {
            Thread thread = new Thread(work, "fake-oauth2-provider");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
    }

    /** Starts a provider with {@link FakeOAuth2Options#defaults()} on a free port of 127.0.0.1. */
    public static FakeOAuth2Provider start() {
        return start(FakeOAuth2Options.defaults());
    }

    /** Starts a provider with the given behaviour on a free port of 127.0.0.1. */
    public static FakeOAuth2Provider start(FakeOAuth2Options options) {
        try {
            FakeOAuth2Provider provider = new FakeOAuth2Provider(Objects.requireNonNull(options, "options"));
            provider.server.start();
            return provider;
        } catch (IOException cannotListen) {
            throw new UncheckedIOException("The fake OAuth2 provider could not listen on 127.0.0.1", cannotListen);
        }
    }

    /** Stops listening at once; calls in flight are cut off. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    public FakeOAuth2Options options() {
        return options;
    }

    // --- addresses ---

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return baseUrl;
    }

    public String authorizationUrl() {
        return baseUrl + options.authorizePath();
    }

    public String tokenUrl() {
        return baseUrl + options.tokenPath();
    }

    // --- clients, users, codes ---

    /**
     * Registers a client.
     *
     * @param secret the client secret, or {@code null} for a public client (which must use PKCE)
     * @param redirectUris the registered redirect URIs, matched exactly
     */
    public FakeOAuth2Client registerClient(String id, String secret, String... redirectUris) {
        FakeOAuth2Client client = new FakeOAuth2Client(id, secret, Arrays.asList(redirectUris));
        synchronized (lock) {
            return grants.register(client);
        }
    }

    /** A new resource owner, with an id of digits. */
    public FakeOAuth2User createUser(String name) {
        synchronized (lock) {
            return grants.createUser(Objects.requireNonNull(name, "name"));
        }
    }

    /** Who the authorization endpoint logs in from now on; by default the first user created. */
    public void loginAs(FakeOAuth2User user) {
        synchronized (lock) {
            authorize.loginAs(grants.user(user.id())
                    .orElseThrow(() -> new IllegalArgumentException("Unknown user " + user)));
        }
    }

    /** The next authorization request is denied by the user: {@code error=access_denied}. */
    public void denyNextLogin() {
        synchronized (lock) {
            authorize.denyNextLogin();
        }
    }

    /**
     * An authorization code as the authorization endpoint would have redirected with, for tests that skip the
     * dialog.
     *
     * @param codeChallenge the S256 challenge the code is bound to, or {@code null} for none
     */
    public String issueCode(FakeOAuth2Client client, FakeOAuth2User user, String redirectUri, String codeChallenge,
                            String... scopes) {
        synchronized (lock) {
            FakeOAuth2Client registered = grants.client(client.id())
                    .orElseThrow(() -> new IllegalArgumentException("Unknown client " + client.id()));
            if (!registered.redirectUris().contains(redirectUri)) {
                throw new IllegalArgumentException("Not a registered redirect URI of " + client.id() + ": "
                        + redirectUri);
            }
            grants.user(user.id()).orElseThrow(() -> new IllegalArgumentException("Unknown user " + user));
            return grants.issueCode(client.id(), user.id(), redirectUri, new LinkedHashSet<>(Arrays.asList(scopes)), codeChallenge, clock.now())
                    .value();
        }
    }

    // --- the provider's API ---

    /**
     * Serves a protected route.
     *
     * @param pathPattern e.g. {@code /2/users/{id}/tweets}; literal segments win over placeholders
     * @param handler runs under the provider's lock once the bearer token is accepted
     */
    public void route(String method, String pathPattern, ResourceHandler handler) {
        routes.add(Objects.requireNonNull(method, "method"), Objects.requireNonNull(pathPattern, "pathPattern"),
                Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Runs a change of a provider-specific fake's state under the provider's lock, the one its route handlers run
     * under, so that seeding data never races a request.
     */
    public <T> T atomically(Supplier<T> change) {
        synchronized (lock) {
            return change.get();
        }
    }

    /** Every token issued so far stops working, as when every user revokes the application; new grants work. */
    public void revokeAll() {
        synchronized (lock) {
            grants.revokeAll();
        }
    }

    // --- switches ---

    /** Every answer waits this long first (outside the lock, so calls still overlap). */
    public void setLatency(Duration latency) {
        switches.setLatency(latency);
    }

    /** While down, everything answers 503. */
    public void setDown(boolean down) {
        switches.setDown(down);
    }

    /**
     * The next {@code count} calls of an endpoint answer {@code failure} instead, before any check.
     *
     * @param pathPattern a route's pattern as given to {@link #route}, or the authorization or token path
     */
    public void failNext(String method, String pathPattern, int count, FakeResponse failure) {
        switches.failNext(method.toUpperCase() + " " + pathPattern, count, Objects.requireNonNull(failure, "failure"));
    }

    public void clearFailures() {
        switches.clearFailures();
    }

    /** Moves the provider's clock forward: codes and tokens expire as if the time had passed. */
    public void advanceClock(Duration duration) {
        clock.advance(duration);
    }

    /** Now, on the provider's clock. */
    public Instant now() {
        return clock.now();
    }

    // --- observations ---

    /** Every request received, in order of arrival. */
    public List<FakeRequest> requests() {
        return observations.requests();
    }

    /** Token requests with {@code grant_type=authorization_code}, refused ones included. */
    public int codeExchanges() {
        return observations.codeExchanges();
    }

    /** Token requests with {@code grant_type=refresh_token}, refused ones included. */
    public int refreshes() {
        return observations.refreshes();
    }

    /** Forgets the recorded requests and zeroes the counters. */
    public void resetCounters() {
        observations.reset();
    }

    /** Whether a protected call with this token would be accepted now. */
    public boolean isValidAccessToken(String accessToken) {
        synchronized (lock) {
            return grants.usableAccessToken(accessToken, clock.now()).isPresent();
        }
    }

    /** The access token issued last for the user, if any (valid or not). */
    public Optional<String> latestAccessTokenOf(FakeOAuth2User user) {
        synchronized (lock) {
            return grants.latestAccessTokenOf(user.id());
        }
    }

    /** The refresh token issued last for the user, if any (usable or not). */
    public Optional<String> latestRefreshTokenOf(FakeOAuth2User user) {
        synchronized (lock) {
            return grants.latestRefreshTokenOf(user.id());
        }
    }
}
