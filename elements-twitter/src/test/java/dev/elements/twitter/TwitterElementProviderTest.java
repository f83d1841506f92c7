package dev.elements.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.elements.core.error.PlatformException;
import dev.elements.core.fake.oauth2.FakeOAuth2Client;
import dev.elements.core.fake.oauth2.FakeRequest;
import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.hub.PageRequest;
import dev.elements.core.hub.ResourceMatcher;
import dev.elements.core.instance.Configuration;
import dev.elements.core.json.Json;
import dev.elements.core.json.JsonArray;
import dev.elements.core.json.JsonValue;
import dev.elements.core.net.JdkProviderHttp;
import dev.elements.core.oauth.AuthorizationCode;
import dev.elements.core.oauth.AuthorizationRequest;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.spi.FormEncoding;
import dev.elements.twitter.fake.FakeTweet;
import dev.elements.twitter.fake.FakeX;
import dev.elements.twitter.fake.FakeXUser;
import dev.elements.twitter.fake.XEndpoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The twitter element against the fake X over real HTTP. */
class TwitterElementProviderTest {
    private static final String VERIFIER = "a-verifier-of-forty-three-characters-or-more-0123456789";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final FakeX x = FakeX.start();
    private final FakeOAuth2Client app = x.registerApp(XConformanceFake.CLIENT_ID, XConformanceFake.CLIENT_SECRET,
            XConformanceFake.CALLBACK);
    private final FakeXUser ada = x.createUser("Ada Lovelace");
    private final TwitterElementProvider provider = new TwitterElementProvider();
    private final ElementContext context = ElementContext.of(new JdkProviderHttp(TIMEOUT), Clock.systemUTC(), TIMEOUT);

    @AfterEach
    void close() {
        x.close();
    }

    @Test
    void theAuthorizationUrlAsksForPkceAndTheScopesThatGiveARefreshToken() {
        Map<String, String> query = FormEncoding.decode(provider.authorizationUrl(new AuthorizationRequest(
                XConformanceFake.CLIENT_ID, XConformanceFake.CALLBACK, TwitterFacts.DEFAULT_SCOPE, "s1",
                challenge()), configuration()).getRawQuery());
        assertThat(query).containsEntry("code_challenge", challenge()).containsEntry("code_challenge_method", "S256")
                .containsEntry("scope", TwitterFacts.DEFAULT_SCOPE);
        assertThat(provider.usesPkce()).isTrue();
    }

    @Test
    void theCodeIsExchangedWithTheVerifierAndBasicAuthenticationAndTheUserIsLearned() {
        TokenSet tokens = provision();
        assertThat(tokens.providerUserId()).isEqualTo(ada.id());
        assertThat(tokens.refreshToken()).isEqualTo(x.latestRefreshTokenOf(ada).orElseThrow());
        assertThat(tokens.expiresAt()).isBetween(Instant.now().plus(Duration.ofMinutes(119)),
                Instant.now().plus(Duration.ofMinutes(121)));
        FakeRequest exchange = x.requests().stream().filter(request -> request.path().equals("/2/oauth2/token"))
                .findFirst().orElseThrow();
        assertThat(exchange.header("Authorization")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic "));
        assertThat(exchange.body()).contains("code_verifier=").doesNotContain(XConformanceFake.CLIENT_SECRET);
    }

    @Test
    void aWrongVerifierIsAnInvalidGrant() {
        String code = x.issueCode(app, ada, XConformanceFake.CALLBACK, challenge(), scopes());
        ProviderException refused = catchThrowableOfType(ProviderException.class, () -> provider.exchangeCode(
                new AuthorizationCode(code, VERIFIER + "x"), configuration(), context));
        assertThat(refused.errorClass()).isEqualTo(ProviderErrorClass.INVALID_GRANT);
        assertThat(refused.getMessage()).doesNotContain(code);
    }

    /** {@code externalAuthentication}: the generic path asks /2/users/me whose token it is, as after a code. */
    @Test
    void heldTokensAreAdoptedOnceTheirRefreshTokenProvesThemThisAppsAndADeadOneIsRefused() {
        TokenSet held = provision();

        TokenSet adopted = provider.adoptTokens(new TokenSet(held.accessToken(), held.refreshToken(), null, List.of(),
                null), configuration(), context);

        assertThat(adopted.providerUserId()).isEqualTo(ada.id());
        // X rotates refresh tokens: the proof spent the held one, and the new pair is what is kept.
        assertThat(adopted.refreshToken()).isNotEqualTo(held.refreshToken())
                .isEqualTo(x.latestRefreshTokenOf(ada).orElseThrow());
        assertThat(x.isValidAccessToken(adopted.accessToken())).isTrue();
        ProviderException dead = catchThrowableOfType(ProviderException.class, () -> provider.adoptTokens(
                new TokenSet("not-a-live-token", "not-a-live-refresh-token", null, List.of(), null), configuration(),
                context));
        assertThat(dead).isNotNull();
        assertThat(dead.errorClass()).isEqualTo(ProviderErrorClass.INVALID_GRANT);
        assertThat(dead.getMessage()).doesNotContain("not-a-live-refresh-token");
    }

    @Test
    void renewalRotatesTheRefreshTokenAndTheSpentOneIsRefusedAfterwards() {
        TokenSet first = provision();
        TokenSet renewed = provider.renew(first, configuration(), context);
        assertThat(renewed.refreshToken()).isNotEqualTo(first.refreshToken())
                .isEqualTo(x.latestRefreshTokenOf(ada).orElseThrow());
        assertThat(renewed.providerUserId()).isEqualTo(ada.id());
        assertThat(x.isValidAccessToken(renewed.accessToken())).isTrue();
        ProviderException spent = catchThrowableOfType(ProviderException.class,
                () -> provider.renew(first, configuration(), context));
        assertThat(spent.errorClass()).isEqualTo(ProviderErrorClass.INVALID_GRANT);
        assertNoSecretIn(spent, first.refreshToken(), first.accessToken(), XConformanceFake.CLIENT_SECRET);
        assertThat(x.refreshes()).isEqualTo(2);
    }

    @Test
    void smallPagesWalkEveryPostOnceNewestFirst() {
        TokenSet tokens = provision();
        for (int i = 1; i <= 23; i++) {
            x.postTweet(ada, "Post " + i);
        }
        List<String> seen = walk(tokens, "user/me/status", 3);
        List<String> expected = x.tweetsOf(ada).stream().map(FakeTweet::id).toList();
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(walk(tokens, "user/" + ada.id() + "/status", 100)).containsExactlyElementsOf(expected);
        assertThat(x.requests().stream().map(FakeRequest::query).filter(query -> query.containsKey("max_results"))
                .map(query -> Integer.parseInt(query.get("max_results"))))
                .as("X is never asked for fewer than it takes").allMatch(size -> size >= 10);
    }

    @Test
    void postingLikingAndDeleting() {
        TokenSet tokens = provision();
        JsonValue posted = Json.parse(call(tokens, "POST", "status", "{\"text\":\"Hello, X\"}").body());
        String id = posted.path("id").text();
        assertThat(posted.path("text").text()).isEqualTo("Hello, X");
        assertThat(x.tweetsOf(ada)).extracting(FakeTweet::id).containsExactly(id);
        assertThat(Json.parse(call(tokens, "GET", "status/" + id, null).body()).path("text").text())
                .isEqualTo("Hello, X");

        assertThat(Json.parse(call(tokens, "POST", "user/me/likes", "{\"tweet_id\":\"" + id + "\"}").body())
                .path("liked").booleanOr(false)).isTrue();
        assertThat(walk(tokens, "user/me/likes", 2)).containsExactly(id);
        assertThat(Json.parse(call(tokens, "DELETE", "user/me/likes/" + id, null).body()).path("liked")
                .booleanOr(true)).isFalse();
        assertThat(x.likedTweetsOf(ada)).isEmpty();

        assertThat(Json.parse(call(tokens, "DELETE", "status/" + id, null).body()).path("deleted").booleanOr(false))
                .isTrue();
        ProviderException gone = catchThrowableOfType(ProviderException.class,
                () -> call(tokens, "GET", "status/" + id, null));
        assertThat(gone.errorClass()).as("X's 200 with only errors is a refusal").isEqualTo(ProviderErrorClass.NOT_FOUND);
        assertThat(gone.error().message()).hasValue("Could not find tweet with id: [" + id + "].");
    }

    @Test
    void pingAndTheUser() {
        TokenSet tokens = provision();
        assertThat(Json.parse(call(tokens, "GET", "ping", null).body()).toJson())
                .isEqualTo("{\"id\":\"" + ada.id() + "\",\"status\":\"ok\"}");
        assertThat(Json.parse(call(tokens, "GET", "user/me", null).body()).path("username").text())
                .isEqualTo(ada.username());
        FakeXUser grace = x.createUser("Grace Hopper");
        assertThat(Json.parse(call(tokens, "GET", "user/" + grace.id(), null).body()).path("name").text())
                .isEqualTo("Grace Hopper");
        assertThatThrownBy(() -> call(tokens, "GET", "user/AdaLovelace", null))
                .as("a username is not an id").isInstanceOf(PlatformException.class);
    }

    @Test
    void problemDetailsAreClassifiedAndTheirMostPreciseMessageKept() {
        TokenSet tokens = provision();
        FakeXUser grace = x.createUser("Grace Hopper");
        FakeTweet hers = x.postTweet(grace, "Hers");
        ProviderException forbidden = catchThrowableOfType(ProviderException.class,
                () -> call(tokens, "DELETE", "status/" + hers.id(), null));
        assertThat(forbidden.errorClass()).isEqualTo(ProviderErrorClass.PERMISSION);
        assertThat(forbidden.error().message()).hasValue("You are not authorized to delete this Tweet.");
        ProviderException invalid = catchThrowableOfType(ProviderException.class,
                () -> call(tokens, "POST", "status", "{\"text\":\"\"}"));
        assertThat(invalid.errorClass()).isEqualTo(ProviderErrorClass.BAD_REQUEST);
        assertThat(invalid.error().message()).hasValue("$.text: a post needs text");
        ProviderException missing = catchThrowableOfType(ProviderException.class,
                () -> call(tokens, "POST", "user/me/likes", "{\"tweet_id\":\"999999\"}"));
        assertThat(missing.errorClass()).isEqualTo(ProviderErrorClass.NOT_FOUND);
    }

    @Test
    void tooManyRequestsIsRateLimitedUntilXsReset() {
        TokenSet tokens = provision();
        x.setRateLimitRemaining(ada, XEndpoint.USER_TWEETS, 0);
        ProviderException limited = catchThrowableOfType(ProviderException.class,
                () -> call(tokens, "GET", "user/me/status", null));
        assertThat(limited.errorClass()).isEqualTo(ProviderErrorClass.RATE_LIMITED);
        assertThat(limited.error().retryAfterHint()).hasValueSatisfying(wait -> assertThat(wait)
                .isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15)));
        assertThat(limited.error().usageIfKnown()).hasValueSatisfying(usage -> {
            assertThat(usage.bucket()).endsWith(":user:" + ada.id());
            assertThat(usage.percent()).isEqualTo(100);
        });
    }

    @Test
    void usageCountsPerAppAndPerUser() {
        TokenSet tokens = provision();
        String app = "twitter:app:" + XConformanceFake.CLIENT_ID;
        assertThat(provider.usageBuckets(configuration(), tokens)).containsExactly(app, app + ":user:" + ada.id());
        HubResult result = call(tokens, "GET", "user/me/status", null);
        assertThat(result.usage().bucket()).isEqualTo(app + ":user:" + ada.id());
        assertThat(result.usage().percent()).isEqualTo(0);
    }

    @Test
    void noTokenOrSecretInAnyMessageEvenWhenXEchoesOne() {
        TokenSet tokens = provision();
        x.failNextCalls(XEndpoint.USER_TWEETS, 1, 400, "bad token " + tokens.accessToken() + " and "
                + XConformanceFake.CLIENT_SECRET);
        ProviderException echoed = catchThrowableOfType(ProviderException.class,
                () -> call(tokens, "GET", "user/me/status", null));
        assertNoSecretIn(echoed, tokens.accessToken(), XConformanceFake.CLIENT_SECRET);
        x.advanceClock(Duration.ofHours(3));
        ProviderException expired = catchThrowableOfType(ProviderException.class,
                () -> call(tokens, "GET", "user/me", null));
        assertThat(expired.errorClass()).isEqualTo(ProviderErrorClass.INVALID_TOKEN);
        assertNoSecretIn(expired, tokens.accessToken(), tokens.refreshToken());
    }

    private TokenSet provision() {
        String code = x.issueCode(app, ada, XConformanceFake.CALLBACK, challenge(), scopes());
        return provider.exchangeCode(new AuthorizationCode(code, VERIFIER), configuration(), context);
    }

    private List<String> walk(TokenSet tokens, String path, int pageSize) {
        List<String> ids = new ArrayList<>();
        PageRequest page = PageRequest.first(pageSize);
        while (page != null) {
            HubResult result = call(tokens, "GET", path, null, page);
            List<JsonValue> items = ((JsonArray) Json.parse(result.body())).items();
            assertThat(items.size()).isLessThanOrEqualTo(pageSize);
            items.forEach(item -> ids.add(item.path("id").text()));
            page = result.nextCursor() == null ? null : new PageRequest(pageSize, result.nextCursor());
        }
        return ids;
    }

    private HubResult call(TokenSet tokens, String method, String path, String body) {
        return call(tokens, method, path, body, null);
    }

    private HubResult call(TokenSet tokens, String method, String path, String body, PageRequest page) {
        ResourceMatcher.Match match = ResourceMatcher.match(provider.definition().resources(), method, path);
        PageRequest asked = match.resource().paged() && page == null ? PageRequest.first(100) : page;
        return provider.callHub(new HubCall(match.resource(), match.pathParameters(), Map.of(), null,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), tokens, configuration(), asked, true,
                null),
                context);
    }

    private Configuration configuration() {
        Map<String, String> values = new LinkedHashMap<>(provider.definition().defaults());
        values.put("oauth.authorization.url", x.authorizationUrl());
        values.put("oauth.token.url", x.tokenUrl());
        values.put("base.url", x.apiBaseUrl());
        values.put("oauth.api.key", XConformanceFake.CLIENT_ID);
        values.put("oauth.api.secret", XConformanceFake.CLIENT_SECRET);
        values.put("oauth.callback.url", XConformanceFake.CALLBACK);
        return Configuration.of(values);
    }

    private static String[] scopes() {
        return TwitterFacts.DEFAULT_SCOPE.split(" ");
    }

    private static String challenge() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNoSecretIn(ProviderException failure, String... secrets) {
        for (String secret : secrets) {
            assertThat(String.valueOf(failure.getMessage())).doesNotContain(secret);
            assertThat(failure.error().message().orElse("")).doesNotContain(secret);
        }
    }
}
