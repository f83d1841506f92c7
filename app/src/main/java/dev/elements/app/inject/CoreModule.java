package dev.elements.app.inject;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.elements.app.config.EventSettings;
import dev.elements.app.config.ProviderSettings;
import dev.elements.app.config.SecuritySettings;
import dev.elements.core.Elements;
import dev.elements.core.element.OperatorOverrides;
import dev.elements.core.port.in.AuthenticateUseCase;
import dev.elements.core.port.in.BootstrapOrganizationUseCase;
import dev.elements.core.port.in.CallHubUseCase;
import dev.elements.core.port.in.CheckHealthUseCase;
import dev.elements.core.port.in.DeliverEventsUseCase;
import dev.elements.core.port.in.DescribeElementsUseCase;
import dev.elements.core.port.in.GetAuthorizationUrlUseCase;
import dev.elements.core.port.in.ManageCredentialKeysUseCase;
import dev.elements.core.port.in.ManageEventsUseCase;
import dev.elements.core.port.in.ManageInstancesUseCase;
import dev.elements.core.port.in.ManageTenantsUseCase;
import dev.elements.core.port.in.ProvisionInstanceUseCase;
import dev.elements.core.port.in.ReceiveProviderEventsUseCase;
import dev.elements.core.port.in.RenewCredentialsUseCase;
import dev.elements.core.port.out.CredentialCipher;
import dev.elements.core.port.out.CredentialKeyStore;
import dev.elements.core.port.out.DataDeletions;
import dev.elements.core.port.out.EventOutbox;
import dev.elements.core.port.out.EventPolls;
import dev.elements.core.port.out.IdempotencyRecords;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.port.out.PageTokenSealer;
import dev.elements.core.port.out.PendingAuthorizations;
import dev.elements.core.port.out.ProviderUsageLedger;
import dev.elements.core.port.out.ReadinessCheck;
import dev.elements.core.port.out.RefreshLeases;
import dev.elements.core.port.out.SealedSecrets;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.spi.ElementProvider;
import java.time.Clock;
import java.util.List;

/**
 * Where core is built and every use case ({@code core.port.in}) gets its service: core is built
 * through {@link Elements#builder()}, the same entry an embedding host uses, from the outbound ports
 * other modules bind ({@link PersistenceModule} for storage, {@link ElementsModule} for the
 * plugins) and the settings given here; then each use case interface is bound to what core built
 * for it. The outbound ports with a default in core (provider HTTP, the sleeper) keep it.
 */
public final class CoreModule extends AbstractModule {
    private final OperatorOverrides overrides;
    private final ProviderSettings providers;
    private final SecuritySettings security;
    private final EventSettings events;
    private final Clock clock;

    public CoreModule(OperatorOverrides overrides, ProviderSettings providers, SecuritySettings security,
            EventSettings events, Clock clock) {
        this.overrides = requireNonNull(overrides, "overrides");
        this.providers = requireNonNull(providers, "providers");
        this.security = requireNonNull(security, "security");
        this.events = requireNonNull(events, "events");
        this.clock = requireNonNull(clock, "clock");
    }

    @Provides
    @Singleton
    Elements elements(List<ElementProvider> plugins, InstanceRepository instances, TenantRepository tenants,
            CredentialCipher cipher, RefreshLeases leases, IdempotencyRecords idempotency,
            PendingAuthorizations pendingAuthorizations, ProviderUsageLedger usage, PageTokenSealer pageTokens, CredentialKeyStore credentialKeys,
            SealedSecrets sealedSecrets, ReadinessCheck readiness, EventOutbox eventOutbox, EventPolls eventPolls,
            DataDeletions dataDeletions) {
        Elements.Builder builder = Elements.builder()
                .providers(plugins)
                .operatorOverrides(overrides)
                .instances(instances)
                .tenants(tenants)
                .cipher(cipher)
                .leases(leases)
                .idempotency(idempotency)
                .pendingAuthorizations(pendingAuthorizations)
                .pendingAuthorizationLimit(providers.pendingAuthorizationsMax())
                .usageLedger(usage)
                .pageTokens(pageTokens)
                .credentialKeys(credentialKeys, sealedSecrets)
                .readinessCheck(readiness)
                .clock(clock)
                .providerTimeout(providers.timeout())
                .providerMaxResponseBytes(providers.maxResponseBytes())
                .elementTokenReadback(security.compatTokenReadback())
                .eventOutbox(eventOutbox)
                .eventPolls(eventPolls)
                .dataDeletions(dataDeletions)
                .allowPrivateCallbacks(events.allowPrivateCallbacks());
        if (security.operatorSecret() != null) {
            builder.operatorSecret(security.operatorSecret());
        }
        return builder.build();
    }

    @Provides
    DescribeElementsUseCase describeElements(Elements elements) {
        return elements.elements();
    }

    @Provides
    GetAuthorizationUrlUseCase authorizationUrls(Elements elements) {
        return elements.authorizationUrls();
    }

    @Provides
    ProvisionInstanceUseCase provisioning(Elements elements) {
        return elements.provisioning();
    }

    @Provides
    ManageInstancesUseCase instances(Elements elements) {
        return elements.instances();
    }

    @Provides
    ManageTenantsUseCase tenants(Elements elements) {
        return elements.tenants();
    }

    @Provides
    ManageCredentialKeysUseCase credentialKeys(Elements elements) {
        return elements.credentialKeys();
    }

    @Provides
    AuthenticateUseCase authentication(Elements elements) {
        return elements.authentication();
    }

    @Provides
    CheckHealthUseCase health(Elements elements) {
        return elements.health();
    }

    @Provides
    CallHubUseCase hub(Elements elements) {
        return elements.hub();
    }

    @Provides
    BootstrapOrganizationUseCase bootstrap(Elements elements) {
        return elements.bootstrap();
    }

    @Provides
    RenewCredentialsUseCase renewals(Elements elements) {
        return elements.renewals();
    }

    @Provides
    ReceiveProviderEventsUseCase receiveEvents(Elements elements) {
        return elements.receiveEvents();
    }

    @Provides
    ManageEventsUseCase manageEvents(Elements elements) {
        return elements.manageEvents();
    }

    @Provides
    DeliverEventsUseCase deliverEvents(Elements elements) {
        return elements.deliverEvents();
    }
}
