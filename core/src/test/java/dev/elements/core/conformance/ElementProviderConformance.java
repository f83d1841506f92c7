package dev.elements.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ConfigurationScope;
import dev.elements.core.element.ConfigurationType;
import dev.elements.core.element.ElementDefinition;
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
import dev.elements.core.spi.ElementProvider;
import dev.elements.core.spi.FormEncoding;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The promises of the element SPI, checked against a plugin and its fake provider over real HTTP.
 * A plugin author extends this class with their provider and their fake:
 *
 * <pre>{@code
 * class MyElementConformanceTest extends ElementProviderConformance {
 *     protected ElementProvider provider() { return new MyElementProvider(); }
 *     protected ConformanceFake startFake() { return new MyFakeAdapter(MyFake.start()); }
 * }
 * }</pre>
 *
 * and runs it with the plugin's other tests ({@code mvn -pl my-element verify}). Each test says
 * which promise it checks; a failure names the promise broken.
 */
public abstract class ElementProviderConformance {
    private static final String STATE = "conformance-state";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private ElementProvider provider;
    private ConformanceFake fake;
    private ElementContext context;

    /** A fresh instance of the plugin under test. */
    protected abstract ElementProvider provider();

    /** A fresh fake provider, started. */
    protected abstract ConformanceFake startFake();

    @BeforeEach
    void startProviderAndFake() {
        provider = provider();
        fake = startFake();
        context = ElementContext.of(new JdkProviderHttp(TIMEOUT), Clock.systemUTC(), TIMEOUT);
    }

    @AfterEach
    void closeFake() {
        fake.close();
    }

    @Test
    void theDefinitionKeepsEndpointsForTheOperatorAndSecretsMasked() {
        ElementDefinition definition = provider.definition();
        assertThat(definition.key().value()).as("element key").matches("[a-z0-9][a-z0-9_-]*");
        for (String endpoint : fake.endpoints().keySet()) {
            ConfigurationEntry entry = definition.entry(endpoint).orElseThrow(() -> new AssertionError(
                    "the fake overrides " + endpoint + ", which the element does not declare"));
            assertThat(entry.scope()).as("endpoint %s may only be changed by the operator", endpoint)
                    .isEqualTo(ConfigurationScope.OPERATOR);
        }
        assertThat(definition.entry("oauth.api.secret")).as("oauth.api.secret is declared")
                .hasValueSatisfying(entry -> assertThat(entry.type()).isEqualTo(ConfigurationType.PASSWORD));
    }

    @Test
    void theAuthorizationUrlCarriesTheStandardParametersAndNoSecret() {
        Map<String, String> application = fake.application();
        String challenge = provider.usesPkce() ? challengeOf(verifier()) : null;
        // The configuration holds the secret, as it does when the operator sets the application's defaults.
        URI url = provider.authorizationUrl(new AuthorizationRequest(application.get("oauth.api.key"),
                application.get("oauth.callback.url"), "", STATE, challenge), configuration());
        Map<String, String> query = FormEncoding.decode(url.getRawQuery());
        assertThat(url.toString()).as("the authorization URL starts at the element's authorization endpoint")
                .startsWith(fake.endpoints().getOrDefault("oauth.authorization.url", ""));
        assertThat(query).as("standard authorization parameters (RFC 6749 4.1.1)")
                .containsEntry("client_id", application.get("oauth.api.key"))
                .containsEntry("redirect_uri", application.get("oauth.callback.url"))
                .containsEntry("response_type", "code")
                .containsEntry("state", STATE);
        if (provider.usesPkce()) {
            assertThat(query).as("PKCE (RFC 7636 4.3)").containsEntry("code_challenge", challenge)
                    .containsEntry("code_challenge_method", "S256");
        }
        assertThat(url.toString()).as("the URL never carries the application's secret")
                .doesNotContain(application.get("oauth.api.secret"));
    }

    @Test
    void aCodeIsExchangedOnceForWorkingCredentials() {
        String verifier = verifier();
        String code = fake.issueCode(provider.usesPkce() ? challengeOf(verifier) : null);
        TokenSet tokens = exchange(code, verifier);
        assertThat(tokens.accessToken()).as("an access token").isNotBlank();
        ProviderException again = catchThrowableOfType(ProviderException.class, () -> exchange(code, verifier));
        assertThat(again).as("a spent code is refused").isNotNull();
        assertThat(again.errorClass()).as("a spent code is an invalid grant").isEqualTo(ProviderErrorClass.INVALID_GRANT);
        assertNoSecretIn(again, tokens.accessToken(), code, fake.application().get("oauth.api.secret"));
    }

    @Test
    void aWrongSecretIsAnInvalidGrantThatDoesNotRepeatTheSecret() {
        String verifier = verifier();
        String code = fake.issueCode(provider.usesPkce() ? challengeOf(verifier) : null);
        String wrongSecret = "wrong-secret-" + Long.toHexString(System.nanoTime());
        Map<String, String> values = new LinkedHashMap<>(configurationValues());
        values.put("oauth.api.secret", wrongSecret);
        ProviderException refused = catchThrowableOfType(ProviderException.class, () -> provider.exchangeCode(
                new AuthorizationCode(code, provider.usesPkce() ? verifier : null), Configuration.of(values),
                context));
        assertThat(refused).as("a wrong secret is refused").isNotNull();
        assertThat(refused.errorClass()).isEqualTo(ProviderErrorClass.INVALID_GRANT);
        assertNoSecretIn(refused, wrongSecret, code);
    }

    @Test
    void anOutageIsTransientNotARefusal() {
        String verifier = verifier();
        String code = fake.issueCode(provider.usesPkce() ? challengeOf(verifier) : null);
        fake.goDown();
        ProviderException failed = catchThrowableOfType(ProviderException.class, () -> exchange(code, verifier));
        assertThat(failed).as("an outage fails the exchange").isNotNull();
        assertThat(failed.errorClass()).as("an outage is worth retrying, and is not the application's fault")
                .isIn(ProviderErrorClass.TRANSIENT, ProviderErrorClass.TIMEOUT);
    }

    @Test
    void renewalGivesWorkingCredentialsAndARevokedGrantNeedsANewAuthorization() {
        String verifier = verifier();
        TokenSet tokens = exchange(fake.issueCode(provider.usesPkce() ? challengeOf(verifier) : null), verifier);
        TokenSet renewed = provider.renew(tokens, configuration(), context);
        assertThat(renewed.accessToken()).as("renewal gives an access token").isNotBlank();
        assertThat(renewed.providerUserId()).as("renewal keeps the user").isEqualTo(tokens.providerUserId());
        fake.revokeAll();
        ProviderException refused = catchThrowableOfType(ProviderException.class,
                () -> provider.renew(renewed, configuration(), context));
        assertThat(refused).as("revoked credentials cannot be renewed").isNotNull();
        assertThat(refused.errorClass().rejectsCredentials())
                .as("a revoked grant says the credentials are rejected, so the instance needs a new authorization")
                .isTrue();
        assertNoSecretIn(refused, renewed.accessToken(), renewed.refreshToken(),
                fake.application().get("oauth.api.secret"));
    }

    @Test
    void aListPagesThroughEveryItemOnceWithOpaqueCursors() {
        int items = 7;
        String verifier = verifier();
        TokenSet tokens = exchange(fake.issueCode(provider.usesPkce() ? challengeOf(verifier) : null), verifier);
        String path = fake.seededList(items);
        ResourceMatcher.Match match = ResourceMatcher.match(provider.definition().resources(), "GET", path);
        assertThat(match.resource().paged()).as(path + " is a list resource").isTrue();
        List<String> seen = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        PageRequest page = PageRequest.first(5);
        for (int calls = 0; calls < items + 2; calls++) {
            HubResult result = provider.callHub(new HubCall(match.resource(), match.pathParameters(), Map.of(), null,
                    null, tokens, configuration(), page, true, null), context);
            JsonValue body = Json.parse(result.body());
            assertThat(body).as("a page is a JSON array").isInstanceOf(JsonArray.class);
            assertThat(result.itemCount()).as("the count is the page's size").isEqualTo(((JsonArray) body).size());
            ((JsonArray) body).items().forEach(item -> seen.add(item.toJson()));
            assertThat(new String(result.body(), StandardCharsets.UTF_8)).as("no token in an answer")
                    .doesNotContain(tokens.accessToken());
            if (result.nextCursor() == null) {
                break;
            }
            assertThat(result.nextCursor()).as("a cursor is not a URL and holds no token")
                    .doesNotContain("://").doesNotContain(tokens.accessToken());
            assertThat(cursors.add(result.nextCursor())).as("cursors move on").isTrue();
            page = new PageRequest(5, result.nextCursor());
        }
        assertThat(seen).as("every item once").hasSize(items).doesNotHaveDuplicates();
    }

    @Test
    void aRevokedTokenMakesHubCallsInvalidToken() {
        String verifier = verifier();
        TokenSet tokens = exchange(fake.issueCode(provider.usesPkce() ? challengeOf(verifier) : null), verifier);
        String path = fake.seededList(1);
        fake.revokeAll();
        ResourceMatcher.Match match = ResourceMatcher.match(provider.definition().resources(), "GET", path);
        assertThatThrownBy(() -> provider.callHub(new HubCall(match.resource(), match.pathParameters(), Map.of(), null,
                null, tokens, configuration(), PageRequest.first(5), true, null), context))
                .as("a revoked token is INVALID_TOKEN, so the instance is marked for a new authorization")
                .isInstanceOfSatisfying(ProviderException.class, refused -> {
                    assertThat(refused.errorClass()).isEqualTo(ProviderErrorClass.INVALID_TOKEN);
                    assertNoSecretIn(refused, tokens.accessToken());
                });
    }

    private TokenSet exchange(String code, String verifier) {
        return provider.exchangeCode(new AuthorizationCode(code, provider.usesPkce() ? verifier : null),
                configuration(), context);
    }

    private Map<String, String> configurationValues() {
        Map<String, String> values = new LinkedHashMap<>(provider.definition().defaults());
        values.putAll(fake.endpoints());
        values.putAll(fake.application());
        return values;
    }

    private Configuration configuration() {
        return Configuration.of(configurationValues());
    }

    private static void assertNoSecretIn(ProviderException failure, String... secrets) {
        for (String secret : secrets) {
            if (secret == null) {
                continue;
            }
            assertThat(String.valueOf(failure.getMessage())).as("no secret in the description").doesNotContain(secret);
            assertThat(failure.error().message().orElse("")).as("no secret in the provider's message")
                    .doesNotContain(secret);
        }
    }

    private static String verifier() {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
