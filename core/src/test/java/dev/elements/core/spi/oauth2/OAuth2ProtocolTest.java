package dev.elements.core.spi.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.fake.oauth2.FakeJson;
import dev.elements.core.fake.oauth2.FakeOAuth2Options;
import dev.elements.core.fake.oauth2.FakeRequest;
import dev.elements.core.fake.oauth2.FakeResponse;
import dev.elements.core.fake.oauth2.RefreshTokens;
import dev.elements.core.oauth.AuthorizationCode;
import dev.elements.core.oauth.AuthorizationRequest;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.spi.FormEncoding;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OAuth2 protocol against the generic fake provider over real HTTP. */
class OAuth2ProtocolTest {

    @Test
    void basicAuthenticationSendsTheFormEncodedPairInTheHeaderAndNoSecretInTheBody() {
        try (ProviderFixture fixture = new ProviderFixture(FakeOAuth2Options.defaults()
                .withClientAuthentications(dev.elements.core.fake.oauth2.ClientAuthentication.CLIENT_SECRET_BASIC))) {
            OAuth2Protocol protocol = new OAuth2Protocol(OAuth2Options.standard()
                    .with(ClientAuthentication.CLIENT_SECRET_BASIC));

            TokenSet tokens = fixture.tokens(protocol);

            FakeRequest exchange = tokenRequests(fixture).get(0);
            String expected = Base64.getEncoder().encodeToString((fixture.client.id() + ":" + fixture.client.secret())
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(exchange.header("Authorization")).contains("Basic " + expected);
            assertThat(exchange.body()).doesNotContain(fixture.client.secret());
            assertThat(fixture.provider.isValidAccessToken(tokens.accessToken())).isTrue();
        }
    }

    @Test
    void theAuthorizationUrlJoinsScopesWithTheProvidersSeparatorAndCarriesTheChallenge() {
        try (ProviderFixture fixture = new ProviderFixture(FakeOAuth2Options.defaults())) {
            OAuth2Protocol protocol = new OAuth2Protocol(OAuth2Options.standard().withPkce().withScopeSeparator(",")
                    .withAuthorizationParameters(Map.of("access_type", "offline", "client_id", "not-this")));

            URI url = protocol.authorizationUrl(new AuthorizationRequest("app-id", ProviderFixture.CALLBACK,
                    "email, public_profile+user_posts", "s-1", "challenge-1"), fixture.configuration());

            assertThat(url.toString()).startsWith(fixture.provider.authorizationUrl() + "?");
            assertThat(FormEncoding.decode(url.getRawQuery())).containsEntry("scope", "email,public_profile,user_posts")
                    .containsEntry("client_id", "app-id").containsEntry("access_type", "offline")
                    .containsEntry("code_challenge", "challenge-1").containsEntry("code_challenge_method", "S256")
                    .containsEntry("state", "s-1").containsEntry("response_type", "code");
        }
    }

    @Test
    void aRotatingProviderReplacesTheRefreshTokenAndTheSpentOneIsAnInvalidGrant() {
        try (ProviderFixture fixture = new ProviderFixture(FakeOAuth2Options.defaults()
                .withRefreshTokens(RefreshTokens.ROTATING))) {
            OAuth2Protocol protocol = new OAuth2Protocol(OAuth2Options.standard());
            TokenSet first = fixture.tokens(protocol);

            TokenSet second = protocol.refresh(first.refreshToken(), fixture.configuration(), fixture.context)
                    .renewing(first);

            assertThat(second.refreshToken()).isNotNull().isNotEqualTo(first.refreshToken())
                    .isEqualTo(fixture.provider.latestRefreshTokenOf(fixture.user).orElseThrow());
            assertThat(second.providerUserId()).isEqualTo(fixture.user.id());
            assertThatThrownBy(() -> protocol.refresh(first.refreshToken(), fixture.configuration(), fixture.context))
                    .isInstanceOfSatisfying(ProviderException.class, refused -> {
                        assertThat(refused.errorClass()).isEqualTo(ProviderErrorClass.INVALID_GRANT);
                        assertThat(refused.getMessage()).doesNotContain(first.refreshToken());
                    });
        }
    }

    @Test
    void aRefreshAnswerWithoutScopeOrRefreshTokenKeepsWhatWasGranted() {
        try (ProviderFixture fixture = new ProviderFixture(FakeOAuth2Options.defaults())) {
            OAuth2Protocol protocol = new OAuth2Protocol(OAuth2Options.standard());
            TokenSet first = new TokenSet("old-access", "kept-refresh", null, List.of("read", "write"), "42");
            fixture.provider.failNext("POST", "/oauth/token", 1, FakeResponse.json(200, FakeJson.object()
                    .put("access_token", "new-access").put("token_type", "bearer").put("expires_in", 3600)));

            TokenSet renewed = protocol.refresh(first.refreshToken(), fixture.configuration(), fixture.context)
                    .renewing(first);

            assertThat(renewed.accessToken()).isEqualTo("new-access");
            assertThat(renewed.refreshToken()).isEqualTo("kept-refresh");
            assertThat(renewed.scopes()).containsExactly("read", "write");
            assertThat(renewed.expiresAt()).isNotNull();
            assertThat(renewed.providerUserId()).isEqualTo("42");
        }
    }

    @Test
    void anErrorInASuccessfulAnswerIsARefusalAsGitHubSendsThem() {
        try (ProviderFixture fixture = new ProviderFixture(FakeOAuth2Options.defaults())) {
            fixture.provider.failNext("POST", "/oauth/token", 1, FakeResponse.json(200, FakeJson.object()
                    .put("error", "bad_verification_code").put("error_description", "The code passed is incorrect")));

            assertThatThrownBy(() -> new OAuth2Protocol(OAuth2Options.standard()).exchangeCode(
                    AuthorizationCode.of("whatever"), fixture.configuration(), fixture.context))
                    .isInstanceOfSatisfying(ProviderException.class, refused -> {
                        assertThat(refused.errorClass()).isEqualTo(ProviderErrorClass.INVALID_GRANT);
                        assertThat(refused.error().providerMessage()).isEqualTo("The code passed is incorrect");
                    });
        }
    }

    @Test
    void aTokenThatIsNotBearerOrAnAnswerThatIsNotJsonIsAnOutage() {
        try (ProviderFixture fixture = new ProviderFixture(FakeOAuth2Options.defaults())) {
            fixture.provider.failNext("POST", "/oauth/token", 1, FakeResponse.json(200, FakeJson.object()
                    .put("access_token", "t").put("token_type", "mac")));
            fixture.provider.failNext("POST", "/oauth/token", 1, FakeResponse.text(200, "access_token=t"));
            OAuth2Protocol protocol = new OAuth2Protocol(OAuth2Options.standard());

            for (int attempt = 0; attempt < 2; attempt++) {
                assertThatThrownBy(() -> protocol.exchangeCode(AuthorizationCode.of("c"), fixture.configuration(),
                        fixture.context))
                        .isInstanceOfSatisfying(ProviderException.class,
                                failed -> assertThat(failed.errorClass()).isEqualTo(ProviderErrorClass.TRANSIENT));
            }
        }
    }

    @Test
    void aRefusedSecretNeverComesBackInTheMessage() {
        try (ProviderFixture fixture = new ProviderFixture(FakeOAuth2Options.defaults())) {
            fixture.provider.failNext("POST", "/oauth/token", 1, FakeResponse.json(400, FakeJson.object()
                    .put("error", "invalid_client").put("error_description", "Unknown secret "
                            + fixture.client.secret())));

            assertThatThrownBy(() -> new OAuth2Protocol(OAuth2Options.standard()).exchangeCode(
                    AuthorizationCode.of("a-code-the-provider-never-issued"), fixture.configuration(), fixture.context))
                    .isInstanceOfSatisfying(ProviderException.class, refused -> {
                        assertThat(refused.errorClass()).isEqualTo(ProviderErrorClass.INVALID_GRANT);
                        assertThat(refused.error().providerMessage()).isEqualTo("Unknown secret ********");
                    });
        }
    }

    private static List<FakeRequest> tokenRequests(ProviderFixture fixture) {
        return fixture.provider.requests().stream().filter(request -> request.path().equals("/oauth/token")).toList();
    }
}
