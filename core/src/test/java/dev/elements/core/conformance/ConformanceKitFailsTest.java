package dev.elements.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.instance.Configuration;
import dev.elements.core.oauth.AuthorizationCode;
import dev.elements.core.oauth.AuthorizationRequest;
import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.spi.ElementProvider;
import dev.elements.core.spi.FormEncoding;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The kit fails an element that breaks the SPI's promises, naming the promise. */
class ConformanceKitFailsTest {

    @Test
    void anElementThatPutsTheSecretInTheUrlAndCallsEveryRefusalAnOutageFailsTheKit() {
        TestExecutionSummary summary = run(CarelessElementConformance.class);

        Set<String> failed = summary.getFailures().stream()
                .map(failure -> failure.getTestIdentifier().getDisplayName().replace("()", ""))
                .collect(Collectors.toSet());
        assertThat(failed).containsExactlyInAnyOrder(
                "theAuthorizationUrlCarriesTheStandardParametersAndNoSecret",
                "aCodeIsExchangedOnceForWorkingCredentials",
                "aWrongSecretIsAnInvalidGrantThatDoesNotRepeatTheSecret",
                "renewalGivesWorkingCredentialsAndARevokedGrantNeedsANewAuthorization");
        assertThat(summary.getFailures()).map(failure -> failure.getException().getMessage())
                .anySatisfy(message -> assertThat(message).contains("never carries the application's secret"));
        assertThat(summary.getTestsSucceededCount()).as("the promises it keeps still pass").isEqualTo(4);
    }

    private static TestExecutionSummary run(Class<?> kit) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(kit)).build(), listener);
        return listener.getSummary();
    }

    /** The sample element gone wrong in two ways plugin authors are tempted by. Not run by the build itself. */
    static final class CarelessElementConformance extends SampleElementConformanceTest {
        @Override
        protected ElementProvider provider() {
            return new SampleElementConformanceTest.SampleElement() {
                @Override
                public URI authorizationUrl(AuthorizationRequest request, Configuration configuration) {
                    URI url = super.authorizationUrl(request, configuration);
                    return URI.create(url + "&" + FormEncoding.encode(Map.of("client_secret",
                            configuration.require("oauth.api.secret"))));
                }

                @Override
                public TokenSet exchangeCode(AuthorizationCode code,
                        Configuration configuration, ElementContext context) {
                    try {
                        return super.exchangeCode(code, configuration, context);
                    } catch (ProviderException refused) {
                        throw outage(refused);
                    }
                }

                @Override
                public TokenSet renew(TokenSet current,
                        Configuration configuration, ElementContext context) {
                    try {
                        return super.renew(current, configuration, context);
                    } catch (ProviderException refused) {
                        throw outage(refused);
                    }
                }
            };
        }

        private static ProviderException outage(ProviderException refused) {
            return new ProviderException(ProviderError.silent(ProviderErrorClass.TRANSIENT), refused.getMessage(), null);
        }
    }
}
