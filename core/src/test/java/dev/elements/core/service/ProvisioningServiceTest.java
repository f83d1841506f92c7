package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.Elements;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceStatus;
import dev.elements.core.memory.InMemoryInstanceRepository;
import dev.elements.core.memory.InMemoryTenantRepository;
import dev.elements.core.memory.PassThroughCipher;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.port.out.InstanceQuery;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.ScriptedElementProvider;
import dev.elements.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvisioningServiceTest {
    private final TestClock clock = new TestClock(Fixtures.NOW);
    private final ScriptedElementProvider provider = new ScriptedElementProvider();
    private final InMemoryInstanceRepository instances = new InMemoryInstanceRepository();
    private final InMemoryTenantRepository tenants = new InMemoryTenantRepository(clock);
    private final Elements elements = Elements.builder()
            .instances(instances).tenants(tenants).cipher(new PassThroughCipher())
            .leases(new dev.elements.core.memory.InMemoryRefreshLeases())
            .idempotency(new dev.elements.core.memory.InMemoryIdempotencyRecords())
            .usageLedger(new dev.elements.core.memory.InMemoryProviderUsageLedger())
            .clock(clock).provider(provider).build();
    private final Principal principal = elements.bootstrap().createFirstIfEmpty(null, null).orElseThrow().principal();

    private static Map<String, String> configuration() {
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("oauth.api.key", "app-1");
        configuration.put("oauth.api.secret", "canary-app-secret");
        configuration.put("oauth.callback.url", "https://app.example/cb");
        return configuration;
    }

    private ProvisionInstanceCommand command(String code, Map<String, String> configuration) {
        return new ProvisionInstanceCommand(principal, "scripted", code, configuration, List.of("<b>blue</b>", ""),
                "<a href=\"https://evil.example\">My page</a>", null);
    }

    private InstanceDescription provision(String code, Map<String, String> configuration) {
        return elements.provisioning().provision(command(code, configuration));
    }

    @Test
    void createsAnInstanceAndShowsItsTokenOnlyOnce() {
        provider.accept("code-1", "provider-user-7");

        InstanceDescription created = provision("code-1", configuration());

        assertThat(created.token()).hasValueSatisfying(token -> assertThat(token).hasSize(43));
        assertThat(created.name()).isEqualTo("My page");
        assertThat(created.tags()).containsExactly("blue");
        assertThat(created.status()).isEqualTo(InstanceStatus.ACTIVE);
        assertThat(created.valid()).isTrue();
        assertThat(created.owner().emailAddress()).isEqualTo(OrganizationBootstrap.ADMINISTRATOR_EMAIL);
        assertThat(created.owner().id()).isEqualTo(principal.user().id());
        assertThat(created.owner().firstName()).isEqualTo(principal.user().firstName());
        assertThat(created.owner().lastName()).isEqualTo(principal.user().lastName());
        assertThat(created.configuration())
                .containsEntry("oauth.api.key", "app-1")
                .containsEntry("oauth.api.secret", InstanceDescription.MASK)
                .containsEntry("oauth.user.token", InstanceDescription.MASK)
                .containsEntry("oauth.user.refresh_time", Long.toString(Fixtures.NOW.toEpochMilli()))
                .containsEntry("oauth.scope", "read")
                .containsEntry("filter.response.nulls", "true")
                .containsEntry("oauth.user.refresh_token", null);
        assertThat(created.configuration().keySet()).allSatisfy(key -> assertThat(created.element().entry(key)).isPresent());

        InstanceDescription read = elements.instances().instance(principal, created.id());
        assertThat(read.token()).isEmpty();
        assertThat(read.configuration()).isEqualTo(created.configuration());
        assertThat(provider.seenConfigurations().get(0).get("oauth.api.secret")).contains("canary-app-secret");
    }

    @Test
    void keepsSecretsOutOfThePlainConfigurationAndBindsThemToTheRow() {
        provider.accept("code-1", "provider-user-7");
        InstanceDescription created = provision("code-1", configuration());

        Instance stored = instances.findById(created.id()).orElseThrow();

        assertThat(stored.configuration()).doesNotContainKey("oauth.api.secret").containsKey("oauth.api.key");
        assertThat(stored.tokenDigest()).isEqualTo(SecretDigest.of(created.token().orElseThrow()));
        assertThat(stored.providerAccountId()).isEqualTo("provider-user-7");
        // The vault's associated data, spelled out so that a change of the format shows here.
        byte[] otherRow = (principal.organizationId().value() + "|" + (stored.id().value() + 1))
                .getBytes(StandardCharsets.UTF_8);
        byte[] ownRow = (principal.organizationId().value() + "|" + stored.id().value()).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new PassThroughCipher().open(stored.secrets(), otherRow))
                .isInstanceOf(IllegalStateException.class);
        assertThat(new String(new PassThroughCipher().open(stored.secrets(), ownRow), StandardCharsets.UTF_8))
                .contains("canary-app-secret");
    }

    @Test
    void schedulesTheFirstRenewalFromTheInterval() {
        provider.accept("code-1", "u");
        Map<String, String> configuration = configuration();
        configuration.put("oauth.user.refresh_interval", "600");

        InstanceDescription created = provision("code-1", configuration);

        Instance stored = instances.findById(created.id()).orElseThrow();
        assertThat(stored.credentials().nextRenewalAt()).isEqualTo(Fixtures.NOW.plus(Duration.ofMinutes(10)));
        assertThat(stored.credentials().tokenExpiresAt()).isEqualTo(Fixtures.NOW.plus(Duration.ofDays(60)));
    }

    @Test
    void namesEveryMissingRequiredKeyAndCallsNoProvider() {
        assertThatThrownBy(() -> provision("code-1", Map.of("oauth.api.secret", "s")))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MISSING_CONFIGURATION);
                    assertThat(e.getMessage())
                            .isEqualTo("Missing required configuration: oauth.api.key, oauth.callback.url");
                });
        assertThat(provider.exchanges()).isZero();
    }

    /**
     * Cloud Elements kept keys an element does not declare (SAP Open Connectors, "Authenticate a
     * Connector Instance (API)"); they are stored as plain values and shown back, never as secrets.
     */
    @Test
    void keepsUndeclaredKeysAsPlainValuesAndShowsThem() {
        provider.accept("code-1", "u");
        Map<String, String> configuration = configuration();
        configuration.put("oauth.api.kye", "typo");
        configuration.put("event.poller.configuration", "{\"posts\":{\"url\":\"/hubs/social/posts\"}}");
        configuration.put("my.app.password", "not-a-secret-to-the-platform");

        InstanceDescription created = provision("code-1", configuration);

        assertThat(created.configuration())
                .containsEntry("oauth.api.kye", "typo")
                .containsEntry("event.poller.configuration", "{\"posts\":{\"url\":\"/hubs/social/posts\"}}")
                .containsEntry("my.app.password", "not-a-secret-to-the-platform");
        Instance stored = instances.findById(created.id()).orElseThrow();
        assertThat(stored.configuration()).containsEntry("oauth.api.kye", "typo");
        assertThat(elements.instances().configuration(principal, created.id()))
                .anySatisfy(value -> assertThat(value.key()).isEqualTo("oauth.api.kye"));
        assertThat(provider.seenConfigurations().get(0).get("oauth.api.kye")).contains("typo");
    }

    @Test
    void refusesEndpointAddressesDeclaredOrNotAndPlatformKeys() {
        Map<String, String> redirect = configuration();
        redirect.put("oauth.token.url", "https://attacker.example/token");
        redirect.put("base.url", "https://attacker.example");
        redirect.put("oauth.refresh.url", "https://attacker.example/refresh");
        assertThatThrownBy(() -> provision("c", redirect))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
                    assertThat(e.getMessage()).contains("oauth.token.url, base.url, oauth.refresh.url")
                            .contains("operator");
                });

        Map<String, String> token = configuration();
        token.put("oauth.user.token", "injected");
        assertThatThrownBy(() -> provision("c", token)).hasMessageContaining("oauth.user.token");

        Map<String, String> badKey = configuration();
        badKey.put("x".repeat(ConfigurationPolicy.MAX_UNDECLARED_KEY_LENGTH + 1), "v");
        assertThatThrownBy(() -> provision("c", badKey))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION));
        assertThat(provider.exchanges()).isZero();
    }

    /** The seed's own example sends {@code www.mycoolapp.com/auth}; Cloud Elements read it as https. */
    @Test
    void completesACallbackWithoutASchemeWithHttps() {
        provider.accept("code-1", "u");
        Map<String, String> configuration = configuration();
        configuration.put("oauth.callback.url", "www.mycoolapp.com/auth");

        InstanceDescription created = provision("code-1", configuration);

        assertThat(created.configuration()).containsEntry("oauth.callback.url", "https://www.mycoolapp.com/auth");
        assertThat(provider.seenConfigurations().get(0).get("oauth.callback.url"))
                .contains("https://www.mycoolapp.com/auth");
    }

    private ProvisionInstanceCommand adopting(Map<String, String> configuration) {
        return new ProvisionInstanceCommand(principal, "scripted", null, null, configuration, List.of(), "held",
                null, true);
    }

    @Test
    void adoptsTokensTheApplicationHoldsAfterTheProviderChecksThem() {
        provider.adoptable("held-access-token", "provider-user-9");
        Map<String, String> configuration = configuration();
        configuration.put("oauth.user.token", "held-access-token");
        configuration.put("oauth.user.refresh_token", "held-refresh-token");

        InstanceDescription created = elements.provisioning().provision(adopting(configuration));

        assertThat(provider.exchanges()).isZero();
        assertThat(created.configuration()).containsEntry("oauth.user.token", InstanceDescription.MASK)
                .containsEntry("oauth.user.refresh_token", InstanceDescription.MASK);
        Instance stored = instances.findById(created.id()).orElseThrow();
        assertThat(stored.providerAccountId()).isEqualTo("provider-user-9");
        assertThat(stored.configuration()).doesNotContainKeys("oauth.user.token", "oauth.user.refresh_token");
        assertThat(new String(stored.secrets().ciphertext(), StandardCharsets.UTF_8))
                .contains("held-access-token").contains("held-refresh-token");
    }

    @Test
    void aTokenTheProviderRefusesOrAnElementThatCannotAdoptStoresNothing() {
        Map<String, String> configuration = configuration();
        configuration.put("oauth.user.token", "dead-token");
        assertThatThrownBy(() -> elements.provisioning().provision(adopting(configuration)))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code().type()).isEqualTo(dev.elements.core.error.ErrorType.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("cannot adopt tokens");
                });

        provider.adoptable("live-token", "u");
        assertThatThrownBy(() -> elements.provisioning().provision(adopting(configuration)))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED_AUTHORIZATION);
                    assertThat(e.getMessage()).contains("oauth.user.token");
                });
        assertThat(instances.count(principal.organizationId(), InstanceQuery.all())).isZero();

        Map<String, String> withoutToken = configuration();
        assertThatThrownBy(() -> elements.provisioning().provision(adopting(withoutToken)))
                .hasMessageContaining("configuration.oauth.user.token");
    }

    @Test
    void aHeldTokenLongerThanAnyProvidersIsRefusedBeforeTheProviderIsAsked() {
        provider.adoptable("x".repeat(10_000), "u");
        Map<String, String> configuration = configuration();
        configuration.put("oauth.user.token", "x".repeat(10_000));

        assertThatThrownBy(() -> elements.provisioning().provision(adopting(configuration)))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("configuration.oauth.user.token")
                .hasMessageContaining("8192");
        assertThat(instances.count(principal.organizationId(), InstanceQuery.all())).isZero();
    }

    @Test
    void refusesMalformedValuesNamingThem() {
        Map<String, String> configuration = configuration();
        configuration.put("filter.response.nulls", "maybe");
        configuration.put("oauth.callback.url", "ftp://files.example/cb");

        assertThatThrownBy(() -> provision("c", configuration))
                .hasMessageContaining("filter.response.nulls must be \"true\" or \"false\"")
                .hasMessageContaining("oauth.callback.url must be an absolute http or https URL");
    }

    @Test
    void anUnknownElementIsTheRequestsFault() {
        assertThatThrownBy(() -> elements.provisioning().provision(new ProvisionInstanceCommand(principal, "nope",
                "c", configuration(), List.of(), "n", null)))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_ELEMENT_IN_REQUEST));
    }

    @Test
    void aRefusedCodeStoresNothingAndCarriesTheProvidersWords() {
        assertThatThrownBy(() -> provision("never-issued", configuration()))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED_AUTHORIZATION);
                    assertThat(e.providerMessage()).contains("This authorization code has been used.");
                });
        assertThat(instances.list(principal.organizationId(), InstanceQuery.all())).isEmpty();
    }

    @Test
    void providerOutagesAreReportedAsSuchAndStoreNothing() {
        provider.failNext(ProviderErrorClass.TRANSIENT, "(#2) Service temporarily unavailable");
        assertThatThrownBy(() -> provision("c", configuration()))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE));
        provider.failNext(ProviderErrorClass.TIMEOUT, "slow");
        assertThatThrownBy(() -> provision("c", configuration()))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TIMED_OUT));
        provider.failNext(ProviderErrorClass.RATE_LIMITED, "(#4) Application request limit reached");
        assertThatThrownBy(() -> provision("c", configuration()))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_RATE_LIMITED);
                    assertThat(e.retryAfter()).isPresent();
                });
        assertThat(instances.list(principal.organizationId(), InstanceQuery.all())).isEmpty();
    }

    @Test
    void anotherOrganizationSeesNoInstance() {
        provider.accept("code-1", "u");
        InstanceDescription created = provision("code-1", configuration());
        Principal stranger = Fixtures.organization(tenants, "Other");

        assertThatThrownBy(() -> elements.instances().instance(stranger, created.id()))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INSTANCE_NOT_FOUND));
    }

    @Test
    void namesAMissingCodeAndElement() {
        assertThatThrownBy(() -> new ProvisionInstanceCommand(principal, null, "", Map.of(), null, null, null))
                .hasMessage("Missing required fields: element.key, providerData.code");
    }
}
