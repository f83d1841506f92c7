package dev.elements.core.testing;

import dev.elements.core.oauth.AuthorizationCode;
import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ConfigurationType;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.ElementKey;
import dev.elements.core.element.FieldDefinition;
import dev.elements.core.element.ObjectDefinition;
import dev.elements.core.element.ParameterShape;
import dev.elements.core.element.ResourceDefinition;
import dev.elements.core.element.ValueFormat;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.hub.ProviderUsage;
import dev.elements.core.instance.Configuration;
import dev.elements.core.spi.FormEncoding;
import dev.elements.core.oauth.AuthorizationRequest;
import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.spi.ElementProvider;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An element plugin whose provider is a script held in memory: codes it accepts, failures to
 * return next. For tests of the platform that need an element but not a particular provider.
 * Key {@code scripted}, id {@code 9001}.
 */
public final class ScriptedElementProvider implements ElementProvider {
    public static final String KEY = "scripted";
    public static final long ID = 9001;
    /** The one object the scripted element declares. */
    public static final String ITEM = "item";

    private final Map<String, String> acceptedCodes = new ConcurrentHashMap<>();
    private final Map<String, String> adoptableTokens = new ConcurrentHashMap<>();
    private final Deque<ProviderException> failures = new ConcurrentLinkedDeque<>();
    private final AtomicInteger exchanges = new AtomicInteger();
    private final AtomicInteger renewals = new AtomicInteger();
    private final List<Configuration> seenConfigurations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile List<String> items = List.of();
    private volatile int usagePercent = -1;
    private final AtomicInteger hubCalls = new AtomicInteger();
    private final List<HubCall> seenHubCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile CountDownLatch renewalGate = new CountDownLatch(0);
    private final CountDownLatch renewalStarted = new CountDownLatch(1);
    private final List<Duration> seenTimeouts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Runnable duringEachCall = () -> { };
    private volatile boolean pkce;
    private final List<AuthorizationCode> seenCodes = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public ElementDefinition definition() {
        return new ElementDefinition(ID, ElementKey.of(KEY), "Scripted", "A provider played by a test script",
                "https://elements.invalid/scripted.png", "testing", "oauth2", false, "Scripted provider",
                "https://scripted.invalid/signup",
                List.of(
                        ConfigurationEntry.instance("oauth.api.key", "API key", "The application id", null,
                                ConfigurationType.TEXTFIELD_128, true, ValueFormat.TEXT),
                        ConfigurationEntry.instance("oauth.api.secret", "API secret", "The application secret", null,
                                ConfigurationType.PASSWORD, true, ValueFormat.TEXT),
                        ConfigurationEntry.instance("oauth.callback.url", "Callback URL", "The redirect URI", null,
                                ConfigurationType.TEXTFIELD_1000, true, ValueFormat.HTTP_URL),
                        ConfigurationEntry.instance("oauth.scope", "Scope", "Permissions", "read",
                                ConfigurationType.TEXTFIELD_1000, false, ValueFormat.TEXT),
                        ConfigurationEntry.endpoint("base.url", "Base URL", "The API", "https://api.scripted.invalid"),
                        ConfigurationEntry.endpoint("oauth.authorization.url", "Authorization URL", "The login page",
                                "https://login.scripted.invalid/authorize"),
                        ConfigurationEntry.endpoint("oauth.token.url", "Token URL", "The token endpoint",
                                "https://login.scripted.invalid/token"),
                        ConfigurationEntry.instance("pagination.max", "Page size limit", "Largest page", "100",
                                ConfigurationType.TEXTFIELD_32, false, ValueFormat.POSITIVE_INTEGER)),
                List.of(new ResourceDefinition("me", "GET", "/me", "GET", "The authorized user", false),
                        new ResourceDefinition("items", "GET", "/items", "GET", "The scripted items, in pages", true),
                        new ResourceDefinition("items", "POST", "/items", "POST", "Adds an item", false),
                        new ResourceDefinition("files", "POST", "/files", "POST",
                                "Uploads a file (multipart/form-data)", false).withUploads(),
                        new ResourceDefinition("retired", "GET", "/retired", "GET", "A resource the provider removed",
                                false).removedByProvider("The items resource replaced it"),
                        new ResourceDefinition("items/{id}", "GET", "/items/{id}", "GET", "One item", false),
                        new ResourceDefinition("items/special", "GET", "/items/special", "GET", "A literal path",
                                false),
                        new ResourceDefinition("items/{id}/notes", "GET", "/items/{id}/notes", "GET",
                                "An item's notes, for item numbers only", false)
                                .withParameterShape("id", ParameterShape.matching("[0-9]{1,10}", 10,
                                        "an item number"))),
                List.of(new ObjectDefinition(ITEM, "A scripted item", List.of(
                        FieldDefinition.readOnly("id", "string", "The item's id"),
                        FieldDefinition.writable("message", "string", "What the item says"),
                        FieldDefinition.readOnly("created", "date", "When it was added")))));
    }

    /**
     * The provider will take {@code accessToken} as a live token of this user when an application
     * hands it over; until this is called the element adopts no tokens at all, as by default.
     */
    public ScriptedElementProvider adoptable(String accessToken, String providerUserId) {
        adoptableTokens.put(accessToken, providerUserId);
        return this;
    }

    @Override
    public TokenSet adoptTokens(TokenSet given, Configuration configuration, ElementContext context) {
        if (adoptableTokens.isEmpty()) {
            return ElementProvider.super.adoptTokens(given, configuration, context);
        }
        seenConfigurations.add(configuration);
        String user = adoptableTokens.get(given.accessToken());
        if (user == null) {
            throw new ProviderException(ProviderError.of(ProviderErrorClass.INVALID_TOKEN,
                    "Error validating access token: Session has expired."));
        }
        return new TokenSet(given.accessToken(), given.refreshToken(),
                context.clock().instant().plus(Duration.ofDays(60)), List.of("read"), user);
    }

    /** The provider will accept {@code code} once, for a user with this id. */
    public ScriptedElementProvider accept(String code, String providerUserId) {
        acceptedCodes.put(code, providerUserId);
        return this;
    }

    /** Whether the element asks the platform for PKCE (S256), as X and GitHub do; off by default. */
    public ScriptedElementProvider usePkce(boolean enabled) {
        this.pkce = enabled;
        return this;
    }

    @Override
    public boolean usesPkce() {
        return pkce;
    }

    /** The codes (with their PKCE verifiers) the platform handed to the code exchange, in order. */
    public List<AuthorizationCode> seenCodes() {
        return new ArrayList<>(seenCodes);
    }

    /** The next provider call fails like this. */
    public ScriptedElementProvider failNext(ProviderErrorClass errorClass, String providerMessage) {
        failures.add(new ProviderException(ProviderError.of(errorClass, providerMessage)));
        return this;
    }

    /**
     * Renewals from now on wait until {@code gate} opens, so that a test decides when a renewal in
     * progress ends: for instance once every concurrent caller has arrived, or after it acted in
     * the middle of the renewal.
     */
    public ScriptedElementProvider holdRenewalsUntil(CountDownLatch gate) {
        this.renewalGate = gate;
        return this;
    }

    /** Waits until a renewal has begun, for at most {@code timeout}; false when none did. */
    public boolean awaitRenewalStarted(Duration timeout) throws InterruptedException {
        return renewalStarted.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The items the paged {@code items} resource lists, as JSON objects, in order, nulls and all. */
    public ScriptedElementProvider items(List<String> jsonObjects) {
        this.items = List.copyOf(jsonObjects);
        return this;
    }

    /** Every hub answer from now on reports this share of the application's budget used. */
    public ScriptedElementProvider reportUsage(int percent) {
        this.usagePercent = percent;
        return this;
    }

    /**
     * Runs in every hub call and renewal, after the call read its provider timeout: for instance
     * moving the clock, as a slow provider would.
     */
    public ScriptedElementProvider duringEachCall(Runnable action) {
        this.duringEachCall = action;
        return this;
    }

    /** The provider timeout each hub call and renewal was given, in order. */
    public List<Duration> seenTimeouts() {
        return new ArrayList<>(seenTimeouts);
    }

    private void providerCallStarts(ElementContext context) {
        seenTimeouts.add(context.providerTimeout());
        duringEachCall.run();
    }

    public int hubCalls() {
        return hubCalls.get();
    }

    /** The calls the platform made of the hub, in order. */
    public List<HubCall> seenHubCalls() {
        return new ArrayList<>(seenHubCalls);
    }

    @Override
    public List<String> usageBuckets(Configuration configuration, TokenSet tokens) {
        return bucketOf(configuration).map(List::of).orElse(List.of());
    }

    private static java.util.Optional<String> bucketOf(Configuration configuration) {
        return configuration.get("oauth.api.key").map(key -> KEY + ":app:" + key);
    }

    @Override
    public HubResult callHub(HubCall call, ElementContext context) {
        hubCalls.incrementAndGet();
        seenHubCalls.add(call);
        providerCallStarts(context);
        ProviderException failure = failures.poll();
        String bucket = bucketOf(call.configuration()).orElseThrow();
        ProviderUsage usage = usagePercent < 0 ? null : new ProviderUsage(bucket, usagePercent, null);
        if (failure != null) {
            ProviderError error = failure.error();
            throw new ProviderException(new ProviderError(error.errorClass(), error.providerMessage(),
                    error.providerCode(), error.retryAfter(), usage));
        }
        String path = call.resource().path();
        if (call.where() != null && !path.equals("items")) {
            // As the hub client refuses a where its element does not translate.
            throw new PlatformException(ErrorCode.WHERE_NOT_SUPPORTED, call.resource().method() + " " + path
                    + " cannot be filtered with where");
        }
        if (path.equals("items") && call.resource().method().equals("GET")) {
            int from = call.page().cursor() == null ? 0 : Integer.parseInt(call.page().cursor());
            int to = Math.min(items.size(), from + call.page().limit());
            String body = "[" + String.join(",", items.subList(from, to)) + "]";
            return new HubResult(200, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), to - from,
                    to < items.size() ? Integer.toString(to) : null, usage);
        }
        // Honours filter.response.nulls as the SPI asks, for its one member that is null.
        String body = "{\"path\":\"" + path + "\",\"id\":\"" + call.pathParameters().getOrDefault("id", "me")
                + "\"" + (call.removeNulls() ? "" : ",\"nothing\":null") + ",\"accessToken\":\""
                + (call.tokens().accessToken().isEmpty() ? "" : "sent") + "\"}";
        return new HubResult(200, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, null, usage);
    }

    public int exchanges() {
        return exchanges.get();
    }

    public int renewals() {
        return renewals.get();
    }

    /** The configurations the platform handed to the provider, in order. */
    public List<Configuration> seenConfigurations() {
        return new ArrayList<>(seenConfigurations);
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request, Configuration configuration) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", request.apiKey());
        query.put("redirect_uri", request.callbackUrl());
        query.put("response_type", "code");
        query.put("scope", request.scope());
        query.put("state", request.state());
        if (request.codeChallenge() != null) {
            query.put("code_challenge", request.codeChallenge());
            query.put("code_challenge_method", "S256");
        }
        return FormEncoding.withQuery(configuration.require("oauth.authorization.url"), query);
    }

    @Override
    public TokenSet exchangeCode(AuthorizationCode code, Configuration configuration, ElementContext context) {
        exchanges.incrementAndGet();
        seenConfigurations.add(configuration);
        seenCodes.add(code);
        ProviderException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        String user = acceptedCodes.remove(code.code());
        if (user == null) {
            throw new ProviderException(ProviderError.of(ProviderErrorClass.INVALID_GRANT,
                    "This authorization code has been used."));
        }
        return new TokenSet("access-" + code.code() + "-" + exchanges.get(), null,
                context.clock().instant().plus(Duration.ofDays(60)), List.of("read"), user);
    }

    @Override
    public TokenSet renew(TokenSet current, Configuration configuration, ElementContext context) {
        int renewal = renewals.incrementAndGet();
        renewalStarted.countDown();
        providerCallStarts(context);
        try {
            renewalGate.await();
        } catch (InterruptedException e) {
            // As the JDK client does when its thread is interrupted mid-call.
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderError.of(ProviderErrorClass.TRANSIENT, "interrupted"));
        }
        ProviderException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        return new TokenSet(current.accessToken() + "-renewed" + renewal, null,
                context.clock().instant().plus(Duration.ofDays(60)), current.scopes(), current.providerUserId());
    }
}
