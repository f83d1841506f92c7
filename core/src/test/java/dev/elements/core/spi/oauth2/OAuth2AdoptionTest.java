package dev.elements.core.spi.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.element.ElementDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.Configuration;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.testing.ScriptedElementProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generic adoption of held tokens: through the steps that follow a code grant, and only when
 * those steps asked the provider whose token it is.
 */
class OAuth2AdoptionTest {
    private static final ElementContext CONTEXT = ElementContext.of(request -> {
        throw new AssertionError("no provider call expected");
    }, Clock.systemUTC(), Duration.ofSeconds(1));
    private static final TokenSet HELD = new TokenSet("held-token", "held-refresh", null, List.of(), null);

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
            return answer.toTokenSet("user-of-" + answer.accessToken());
        }
    }

    @Test
    void anElementThatNeverAsksWhoseTokenItIsAdoptsNothing() {
        assertThatThrownBy(() -> new Unchecking().adoptTokens(HELD, Configuration.of(Map.of()), CONTEXT))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.getMessage()).contains("element scripted cannot adopt tokens");
                });
    }

    @Test
    void anElementThatLearnsTheUserAdoptsTheTokensAsGiven() {
        TokenSet adopted = new Checking().adoptTokens(HELD, Configuration.of(Map.of()), CONTEXT);

        assertThat(adopted.accessToken()).isEqualTo("held-token");
        assertThat(adopted.refreshToken()).isEqualTo("held-refresh");
        assertThat(adopted.providerUserId()).isEqualTo("user-of-held-token");
    }
}
