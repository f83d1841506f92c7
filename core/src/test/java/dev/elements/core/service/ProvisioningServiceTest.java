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
        assertThat(created.ownerEmail()).isEqualTo(OrganizationBootstrap.ADMINISTRATOR_EMAIL);
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

    @Test
    void refusesUnknownKeysAndEndpointAddresses() {
        Map<String, String> unknown = configuration();
        unknown.put("oauth.api.kye", "typo");
        unknown.put("another.key", "x");
        assertThatThrownBy(() -> provision("c", unknown))
                .hasMessage("Unknown configuration keys for element scripted: oauth.api.kye, another.key");

        Map<String, String> redirect = configuration();
        redirect.put("oauth.token.url", "https://attacker.example/token");
        redirect.put("base.url", "https://attacker.example");
        assertThatThrownBy(() -> provision("c", redirect))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
                    assertThat(e.getMessage()).contains("oauth.token.url, base.url").contains("operator");
                });

        Map<String, String> token = configuration();
        token.put("oauth.user.token", "injected");
        assertThatThrownBy(() -> provision("c", token)).hasMessageContaining("oauth.user.token");
        assertThat(provider.exchanges()).isZero();
    }

    @Test
    void refusesMalformedValuesNamingThem() {
        Map<String, String> configuration = configuration();
        configuration.put("filter.response.nulls", "maybe");
        configuration.put("oauth.callback.url", "not-a-url");

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
