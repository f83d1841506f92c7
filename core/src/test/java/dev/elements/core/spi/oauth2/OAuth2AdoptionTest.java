package dev.elements.core.spi.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.element.ElementDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.fake.oauth2.FakeOAuth2Client;
import dev.elements.core.fake.oauth2.FakeOAuth2Options;
import dev.elements.core.fake.oauth2.RefreshTokens;
import dev.elements.core.instance.Configuration;
import dev.elements.core.oauth.AuthorizationCode;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.testing.ScriptedElementProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generic adoption of held tokens, against the generic fake provider: only tokens proven to be
 * this application's (their refresh token redeemed with its client credentials) are adopted, and
 * only by an element that then learns whose they are.
 */
class OAuth2AdoptionTest {
    private final ProviderFixture fixture = new ProviderFixture(FakeOAuth2Options.defaults()
            .withRefreshTokens(RefreshTokens.ROTATING));

    @AfterEach
    void close() {
        fixture.close();
    }

    /** The scripted element's metadata without its hub resources, which would need a hub client. */
    private static ElementDefinition withoutResources() {
        ElementDefinition scripted = new ScriptedElementProvider().definition();
        return new ElementDefinition(scripted.id(), scripted.key(), scripted.name(), scripted.description(),
                scripted.image(), scripted.hub(), scripted.authenticationType(), scripted.trialAccount(),
                scripted.configDescription(), scripted.signupUrl(), scripted.configuration(), List.of());
    }

    /** An element whose steps after the code grant learn nothing: the generic default. */
    private static final class Unchecking extends OAuth2ElementProvider {
        Unchecking() {
            super(withoutResources(), new OAuth2Protocol(OAuth2Options.standard()), null);
        }
    }

    /** An element whose steps name the user, as a provider's "who am I" would. */
    private static final class Checking extends OAuth2ElementProvider {
        Checking() {
            super(withoutResources(), new OAuth2Protocol(OAuth2Options.standard()), null);
        }

        @Override
        protected TokenSet completeExchange(TokenAnswer answer, Configuration configuration, ElementContext context) {
            return answer.toTokenSet("user-of-" + answer.accessToken().length());
        }
    }

    /** Tokens a client got from the provider through a login, as an application would hold them. */
    private TokenSet heldBy(FakeOAuth2Client client) {
        String code = fixture.provider.issueCode(client, fixture.user, ProviderFixture.CALLBACK, null, "read");
        Configuration itsOwn = fixture.configuration(Map.of("oauth.api.key", client.id(), "oauth.api.secret",
                client.secret()));
        return new OAuth2Protocol(OAuth2Options.standard()).exchangeCode(AuthorizationCode.of(code), itsOwn,
                fixture.context).toTokenSet(null);
    }

    @Test
    void tokensOfThisApplicationAreAdoptedAfterTheirRefreshTokenIsRedeemedWithItsCredentials() {
        TokenSet held = heldBy(fixture.client);
        fixture.provider.resetCounters();

        TokenSet adopted = new Checking().adoptTokens(held, fixture.configuration(), fixture.context);

        assertThat(fixture.provider.refreshes()).isEqualTo(1);
        assertThat(adopted.accessToken()).isNotEqualTo(held.accessToken())
                .isEqualTo(fixture.provider.latestAccessTokenOf(fixture.user).orElseThrow());
        assertThat(adopted.refreshToken()).as("the rotated refresh token is the one kept")
                .isEqualTo(fixture.provider.latestRefreshTokenOf(fixture.user).orElseThrow());
        assertThat(adopted.providerUserId()).isNotNull();
    }

    @Test
    void tokensIssuedToAnotherApplicationAreRefusedThoughTheyWork() {
        FakeOAuth2Client other = fixture.provider.registerClient("another-app", "another-secret-71d0",
                ProviderFixture.CALLBACK);
        TokenSet foreign = heldBy(other);
        assertThat(fixture.provider.isValidAccessToken(foreign.accessToken())).isTrue();

        assertThatThrownBy(() -> new Checking().adoptTokens(foreign, fixture.configuration(), fixture.context))
                .isInstanceOfSatisfying(ProviderException.class, refused -> {
                    assertThat(refused.errorClass()).isEqualTo(ProviderErrorClass.INVALID_GRANT);
                    assertThat(refused.getMessage()).doesNotContain(foreign.refreshToken());
                });
    }

    @Test
    void withoutARefreshTokenNothingProvesTheApplicationSoNothingIsAdopted() {
        TokenSet accessOnly = new TokenSet(heldBy(fixture.client).accessToken(), null, null, List.of(), null);
        fixture.provider.resetCounters();

        assertThatThrownBy(() -> new Checking().adoptTokens(accessOnly, fixture.configuration(), fixture.context))
                .isInstanceOfSatisfying(PlatformException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(refused.getMessage()).contains("oauth.user.refresh_token");
                });
        assertThat(fixture.provider.requests()).isEmpty();
    }

    @Test
    void anElementThatNeverAsksWhoseTokenItIsAdoptsNothing() {
        TokenSet held = heldBy(fixture.client);

        assertThatThrownBy(() -> new Unchecking().adoptTokens(held, fixture.configuration(), fixture.context))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.getMessage()).contains("element scripted cannot adopt tokens");
                });
    }
}
