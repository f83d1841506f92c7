package dev.elements.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.Elements;
import dev.elements.core.element.OperatorOverrides;
import dev.elements.core.port.in.GetAuthorizationUrlCommand;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.PresentedCredentials;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.spi.ElementProvider;
import dev.elements.core.tenant.Principal;
import dev.elements.facebook.fake.BrowserLogin;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeFacebook;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * A host that is not this server: core, the Facebook plugin found through ServiceLoader, in-memory
 * storage, and nothing else. This module's test class path has no Javalin, JDBI or Guice, which the
 * test checks too, so it proves that embedding needs none of them.
 */
class EmbeddingTest {

    @Test
    void theFrameworksOfTheServerAreNotOnThisClassPath() {
        for (String framework : List.of("io.javalin.Javalin", "org.jdbi.v3.core.Jdbi", "com.google.inject.Guice",
                "org.flywaydb.core.Flyway")) {
            assertThatThrownBy(() -> Class.forName(framework)).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void provisionsAFacebookInstanceWithCoreAloneThroughTheWholeFlow() {
        try (FakeFacebook facebook = FakeFacebook.start()) {
            String callback = "https://host.example/callback";
            FakeApp app = facebook.registerApp("4242", "embedded-secret", callback);
            facebook.loginAs(facebook.createUser("Grace Hopper"));
            Elements elements = Elements.builder()
                    .providers(ServiceLoader.load(ElementProvider.class))
                    .operatorOverrides(OperatorOverrides.fromSettings(Map.of(
                            "ELEMENTS_FACEBOOKSOCIAL_BASE_URL", facebook.graphUrl(),
                            "ELEMENTS_FACEBOOKSOCIAL_OAUTH_AUTHORIZATION_URL", facebook.authorizationUrl(),
                            "ELEMENTS_FACEBOOKSOCIAL_OAUTH_TOKEN_URL", facebook.tokenUrl())))
                    .inMemory()
                    .build();
            var first = elements.bootstrap().createFirstIfEmpty("org-secret", "user-secret").orElseThrow();
            Principal principal = elements.authentication()
                    .authenticate(new PresentedCredentials("user-secret", "org-secret", null, null));

            URI login = elements.authorizationUrls().authorizationUrl(
                    new GetAuthorizationUrlCommand("facebooksocial", app.id(), callback, null, null)).oauthUrl();
            String code = new BrowserLogin().open(login).requireCode();
            InstanceDescription instance = elements.provisioning().provision(new ProvisionInstanceCommand(principal,
                    "facebooksocial", code, Map.of("oauth.api.key", app.id(), "oauth.api.secret", app.secret(),
                            "oauth.callback.url", callback), List.of("embedded"), "Grace's Facebook", null));

            assertThat(principal.user().id()).isEqualTo(first.principal().user().id());
            assertThat(instance.token()).isPresent();
            assertThat(instance.element().key().value()).isEqualTo("facebooksocial");
            assertThat(elements.instances().instance(principal, instance.id()).name()).isEqualTo("Grace's Facebook");
            assertThat(facebook.codeExchanges()).isEqualTo(1);
            assertThat(facebook.longLivedExchanges()).isEqualTo(1);
        }
    }
}
