package dev.elements.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.oauth.AuthorizationCode;
import dev.elements.core.element.OperatorOverrides;
import dev.elements.core.instance.Configuration;
import dev.elements.core.spi.FormEncoding;
import dev.elements.core.net.JdkProviderHttp;
import dev.elements.core.oauth.AuthorizationRequest;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.spi.ElementContext;
import dev.elements.facebook.fake.BrowserLogin;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.facebook.fake.GraphError;
import dev.elements.facebook.fake.RecordedRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plugin against the fake Facebook over real HTTP. */
class FacebookElementProviderTest {
    private static final String CALLBACK = "https://app.example/auth?from=elements";
    private static final String SECRET = "canary-app-secret-3f9a";

    private final FacebookElementProvider provider = new FacebookElementProvider();
    private final ElementContext context =
            ElementContext.of(new JdkProviderHttp(Duration.ofSeconds(2)), Clock.systemUTC(), Duration.ofSeconds(2));
    private FakeFacebook facebook;
    private FakeApp app;
    private FakeUser ada;

    @BeforeEach
    void start() {
        facebook = FakeFacebook.start();
        app = facebook.registerApp("1234567890", SECRET, CALLBACK);
        ada = facebook.createUser("Ada Lovelace");
        facebook.loginAs(ada);
    }

    @AfterEach
    void stop() {
        facebook.close();
    }

    private Configuration configuration(String apiKey, String apiSecret, String callback) {
        Map<String, String> values = new HashMap<>(provider.definition().defaults());
        values.put("base.url", facebook.graphUrl());
        values.put("oauth.authorization.url", facebook.authorizationUrl());
        values.put("oauth.token.url", facebook.tokenUrl());
        values.put("oauth.api.key", apiKey);
        values.put("oauth.api.secret", apiSecret);
        values.put("oauth.callback.url", callback);
        return Configuration.of(values);
    }

    private Configuration configuration() {
        return configuration(app.id(), SECRET, CALLBACK);
    }

    private String loginCode(String scope) {
        URI url = provider.authorizationUrl(new AuthorizationRequest(app.id(), CALLBACK, scope, "facebooksocial"),
                configuration());
        return new BrowserLogin().open(url).requireCode();
    }

    private static void assertClass(ThrowingCallable call, ProviderErrorClass expected, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.errorClass()).isEqualTo(expected);
            if (message != null) {
                assertThat(e.error().providerMessage()).contains(message);
            }
        });
    }

    @Test
    void theLoginUrlIsAcceptedByTheDialogAndCarriesCommaSeparatedScopesAndState() {
        URI url = provider.authorizationUrl(
                new AuthorizationRequest(app.id(), CALLBACK, "email user_posts+public_profile", "state with spaces"),
                configuration());

        Map<String, String> query = FormEncoding.decode(url.getRawQuery());
        assertThat(url.toString()).startsWith(facebook.authorizationUrl() + "?");
        assertThat(query).containsEntry("client_id", app.id()).containsEntry("redirect_uri", CALLBACK)
                .containsEntry("response_type", "code").containsEntry("scope", "email,user_posts,public_profile")
                .containsEntry("state", "state with spaces");
        BrowserLogin.Callback callback = new BrowserLogin().open(url);
        assertThat(callback.code()).isPresent();
        assertThat(callback.state()).contains("state with spaces");
    }

    @Test
    void aCodeBecomesALongLivedTokenOfTheUserWithItsScopes() {
        String code = loginCode("public_profile,email");
        Instant before = Instant.now();

        TokenSet tokens = provider.exchangeCode(AuthorizationCode.of(code), configuration(), context);

        assertThat(tokens.providerUserId()).isEqualTo(ada.id());
        assertThat(tokens.scopes()).contains("public_profile", "email");
        assertThat(tokens.refreshToken()).isNull();
        assertThat(tokens.expiresAt()).isAfter(before.plus(Duration.ofDays(59)));
        assertThat(facebook.isValidToken(tokens.accessToken())).isTrue();
        assertThat(facebook.latestTokenOf(ada)).contains(tokens.accessToken());
        assertThat(facebook.codeExchanges()).isEqualTo(1);
        assertThat(facebook.longLivedExchanges()).isEqualTo(1);
        assertThat(facebook.debugTokenCalls()).isEqualTo(1);
    }

    /** {@code externalAuthentication: "initial"}: a token the application holds, checked with debug_token only. */
    @Test
    void aHeldTokenOfTheAppIsAdoptedAsDebugTokenDescribesIt() {
        String held = facebook.issueUserToken(app, ada, "user_posts");

        TokenSet tokens = provider.adoptTokens(new TokenSet(held, null, null, List.of(), null), configuration(), context);

        assertThat(tokens.accessToken()).isEqualTo(held);
        assertThat(tokens.providerUserId()).isEqualTo(ada.id());
        assertThat(tokens.scopes()).contains("user_posts");
        assertThat(facebook.debugTokenCalls()).isEqualTo(1);
        assertThat(facebook.longLivedExchanges()).isZero();
    }

    @Test
    void aDeadOrForeignHeldTokenIsRefused() {
        String expired = facebook.issueUserToken(app, ada);
        facebook.expire(expired);
        assertThatThrownBy(() -> provider.adoptTokens(new TokenSet(expired, null, null, List.of(), null),
                configuration(), context)).isInstanceOf(ProviderException.class);

        FakeApp other = facebook.registerApp("999000111", "other-secret", CALLBACK);
        String foreign = facebook.issueUserToken(other, ada);
        assertThatThrownBy(() -> provider.adoptTokens(new TokenSet(foreign, null, null, List.of(), null),
                configuration(), context)).isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.errorClass()).isIn(ProviderErrorClass.INVALID_GRANT,
                                ProviderErrorClass.INVALID_TOKEN));
    }

    @Test
    void aBaseUrlEndingInASlashStillReachesDebugToken() {
        Map<String, String> values = new HashMap<>(configuration().asMap());
        values.put("base.url", facebook.graphUrl() + "/");

        TokenSet tokens = provider.exchangeCode(AuthorizationCode.of(loginCode("public_profile")), Configuration.of(values), context);

        assertThat(tokens.providerUserId()).isEqualTo(ada.id());
        assertThat(facebook.requests()).extracting(RecordedRequest::path).contains("/debug_token")
                .noneMatch(path -> path.contains("//"));
    }

    @Test
    void theAppSecretNeverTravelsInAUrl() {
        provider.exchangeCode(AuthorizationCode.of(loginCode("public_profile")), configuration(), context);

        for (RecordedRequest request : facebook.requests()) {
            assertThat(request.query().values()).noneMatch(value -> value.contains(SECRET));
        }
        assertThat(facebook.requests()).anySatisfy(request -> assertThat(request.bodyParameters().values())
                .contains(SECRET));
    }

    @Test
    void aUsedCodeIsRefusedInFacebooksWords() {
        String code = loginCode("public_profile");
        provider.exchangeCode(AuthorizationCode.of(code), configuration(), context);

        assertClass(() -> provider.exchangeCode(AuthorizationCode.of(code), configuration(), context), ProviderErrorClass.INVALID_GRANT,
                "This authorization code has been used.");
    }

    @Test
    void anExpiredCodeIsRefused() {
        String code = loginCode("public_profile");
        facebook.advanceClock(Duration.ofMinutes(11));

        assertClass(() -> provider.exchangeCode(AuthorizationCode.of(code), configuration(), context), ProviderErrorClass.INVALID_GRANT,
                "expired");
    }

    @Test
    void aCallbackThatDiffersFromTheDialogsIsRefused() {
        String code = loginCode("public_profile");

        assertClass(() -> provider.exchangeCode(AuthorizationCode.of(code), configuration(app.id(), SECRET, CALLBACK + "&x=1"), context),
                ProviderErrorClass.INVALID_GRANT, "redirect_uri");
    }

    @Test
    void wrongAppCredentialsAreRefused() {
        assertClass(() -> provider.exchangeCode(AuthorizationCode.of(loginCode("public_profile")),
                configuration(app.id(), "wrong-secret", CALLBACK), context), ProviderErrorClass.INVALID_GRANT,
                "client secret");
        assertClass(() -> provider.exchangeCode(AuthorizationCode.of(loginCode("public_profile")),
                configuration("999", SECRET, CALLBACK), context), ProviderErrorClass.INVALID_GRANT, null);
    }

    @Test
    void outagesAreTransientAndSlownessIsATimeout() {
        String code = loginCode("public_profile");
        facebook.setDown(true);
        assertClass(() -> provider.exchangeCode(AuthorizationCode.of(code), configuration(), context), ProviderErrorClass.TRANSIENT, null);
        facebook.setDown(false);

        facebook.setGarbage(true);
        assertClass(() -> provider.exchangeCode(AuthorizationCode.of(code), configuration(), context), ProviderErrorClass.TRANSIENT, null);
        facebook.setGarbage(false);

        facebook.setLatency(Duration.ofSeconds(3));
        assertClass(() -> provider.exchangeCode(AuthorizationCode.of(code), configuration(), context), ProviderErrorClass.TIMEOUT, null);
    }

    @Test
    void rateLimitsAndServerErrorsAtTheTokenEndpointAreClassified() {
        facebook.failNextTokenCalls(1, GraphError.applicationRequestLimit());
        assertClass(() -> provider.exchangeCode(AuthorizationCode.of(loginCode("public_profile")), configuration(), context),
                ProviderErrorClass.RATE_LIMITED, "(#4)");
        facebook.failNextTokenCalls(1, GraphError.serviceUnavailable());
        assertClass(() -> provider.exchangeCode(AuthorizationCode.of(loginCode("public_profile")), configuration(), context),
                ProviderErrorClass.TRANSIENT, null);
    }

    @Test
    void aTokenThatDebugTokenCallsInvalidIsRefused() {
        facebook.failNextGraphCalls(1, GraphError.invalidToken());

        assertClass(() -> provider.exchangeCode(AuthorizationCode.of(loginCode("public_profile")), configuration(), context),
                ProviderErrorClass.INVALID_TOKEN, null);
    }

    @Test
    void renewalExchangesTheCurrentTokenForAFreshOneAndKeepsTheUser() {
        TokenSet first = provider.exchangeCode(AuthorizationCode.of(loginCode("public_profile")), configuration(), context);
        facebook.resetCounters();

        TokenSet renewed = provider.renew(first, configuration(), context);

        assertThat(renewed.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(facebook.isValidToken(renewed.accessToken())).isTrue();
        assertThat(renewed.providerUserId()).isEqualTo(ada.id());
        assertThat(renewed.scopes()).isEqualTo(first.scopes());
        assertThat(facebook.longLivedExchanges()).isEqualTo(1);
        assertThat(facebook.codeExchanges()).isZero();
    }

    @Test
    void renewalOfARevokedOrExpiredTokenNeedsANewAuthorization() {
        TokenSet tokens = provider.exchangeCode(AuthorizationCode.of(loginCode("public_profile")), configuration(), context);
        facebook.expire(tokens.accessToken());
        assertClass(() -> provider.renew(tokens, configuration(), context), ProviderErrorClass.INVALID_TOKEN, null);

        TokenSet again = provider.exchangeCode(AuthorizationCode.of(loginCode("public_profile")), configuration(), context);
        facebook.revoke(ada);
        assertClass(() -> provider.renew(again, configuration(), context), ProviderErrorClass.INVALID_TOKEN,
                "not authorized");
    }

    @Test
    void theDefinitionIsTheSeedsFacebookElement() {
        var definition = provider.definition();

        assertThat(definition.id()).isEqualTo(48);
        assertThat(definition.key().value()).isEqualTo("facebooksocial");
        assertThat(definition.hub()).isEqualTo("social");
        assertThat(definition.typeOauth()).isTrue();
        assertThat(definition.configuration()).filteredOn(entry -> entry.required())
                .extracting(entry -> entry.key())
                .containsExactly("oauth.api.key", "oauth.api.secret", "oauth.callback.url");
        assertThat(definition.entry("oauth.api.secret").orElseThrow().secret()).isTrue();
        assertThat(definition.defaults()).containsEntry("oauth.scope", "public_profile")
                .containsEntry("pagination.max", "100").containsEntry("pagination.offset", "false")
                .containsEntry("base.url", "https://graph.facebook.com/" + FacebookFacts.GRAPH_VERSION);
        assertThat(OperatorOverrides.settingName(definition.key(), "oauth.token.url"))
                .isEqualTo("ELEMENTS_FACEBOOKSOCIAL_OAUTH_TOKEN_URL");
    }
}
