package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.OperatorOverrides;
import dev.elements.core.port.in.AuthenticateUseCase;
import dev.elements.core.port.in.BootstrapOrganizationUseCase;
import dev.elements.core.port.in.CallHubUseCase;
import dev.elements.core.port.in.CheckHealthUseCase;
import dev.elements.core.port.in.ConnectSessionsUseCase;
import dev.elements.core.port.in.DeliverEventsUseCase;
import dev.elements.core.port.in.DescribeElementsUseCase;
import dev.elements.core.port.in.GetAuthorizationUrlUseCase;
import dev.elements.core.port.in.ManageCredentialKeysUseCase;
import dev.elements.core.port.in.ManageEventsUseCase;
import dev.elements.core.port.in.ManageInstancesUseCase;
import dev.elements.core.port.in.ManageTenantsUseCase;
import dev.elements.core.port.in.ProvisionInstanceUseCase;
import dev.elements.core.port.in.ReceiveProviderEventsUseCase;
import dev.elements.core.port.out.ConnectSessions;
import dev.elements.core.port.out.CredentialCipher;
import dev.elements.core.port.out.CredentialKeyStore;
import dev.elements.core.port.out.DataDeletions;
import dev.elements.core.port.out.EventOutbox;
import dev.elements.core.port.out.EventPolls;
import dev.elements.core.port.out.IdempotencyRecords;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.port.out.PageTokenSealer;
import dev.elements.core.port.out.PendingAuthorizations;
import dev.elements.core.port.out.PlatformMetrics;
import dev.elements.core.port.out.ProviderHttp;
import dev.elements.core.port.out.ProviderUsageLedger;
import dev.elements.core.port.out.ReadinessCheck;
import dev.elements.core.port.out.RefreshLeases;
import dev.elements.core.port.out.SealedSecrets;
import dev.elements.core.port.out.Sleeper;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.spi.ElementProvider;
import dev.elements.core.tenant.SecretGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Core's one place of wiring: every service is built here from the outbound ports, and each use
 * case is handed out as its {@code port.in} interface. The services share package-private
 * collaborators (the vault, the describer, the code exchange) that are not part of the public API,
 * which is why this lives in {@code core.service} and not in the embedding façade.
 */
public final class ServiceWiring {
    private final ElementCatalogService catalog;
    private final AuthenticationService authentication;
    private final HealthService health;
    private final OrganizationBootstrap bootstrap;
    private final TenantService tenants;
    private final CredentialKeyService credentialKeys;
    private final ProvisioningService provisioning;
    private final InstanceService instances;
    private final RenewalService renewals;
    private final HubService hub;
    private final ProviderEventsService receiveEvents;
    private final InstanceEventsService manageEvents;
    private final EventDeliveryService deliveries;
    private final ConnectSessionService connect;

    /**
     * The ports and settings the services are built from.
     *
     * @param credentialKeys the storage's key management, or null when it has none
     * @param sealedSecrets the storage's sealed secrets; null exactly when {@code credentialKeys} is
     * @param operatorSecret who may create organizations, or null for nobody
     * @param pendingAuthorizationLimit the most PKCE logins under way at once
     * @param elementTokenReadback whether element tokens are kept sealed and shown on every read
     * @param events where events, polls and data deletions are kept
     * @param allowPrivateCallbacks whether event callbacks may name loopback and private addresses
     * @param connectSessions where hosted connect sessions are kept
     * @param metrics where provider calls, renewals, usage holds and event deliveries are counted
     */
    public record Ports(List<ElementProvider> providers, OperatorOverrides overrides, InstanceRepository instances,
            TenantRepository tenants, CredentialCipher cipher, RefreshLeases leases, IdempotencyRecords idempotency,
            PendingAuthorizations pendingAuthorizations, int pendingAuthorizationLimit, ProviderUsageLedger usage, PageTokenSealer pageTokens, CredentialKeyStore credentialKeys,
            SealedSecrets sealedSecrets, String operatorSecret, List<ReadinessCheck> readinessChecks,
            ProviderHttp http, Clock clock, Duration providerTimeout, SecretGenerator secrets, Sleeper sleeper,
            boolean elementTokenReadback, EventPorts events, boolean allowPrivateCallbacks,
            ConnectSessions connectSessions, PlatformMetrics metrics) {
        public Ports {
            providers = List.copyOf(providers);
            requireNonNull(overrides, "overrides");
            requireNonNull(instances, "instances");
            requireNonNull(tenants, "tenants");
            requireNonNull(cipher, "cipher");
            requireNonNull(leases, "leases");
            requireNonNull(idempotency, "idempotency");
            requireNonNull(pendingAuthorizations, "pendingAuthorizations");
            requireNonNull(usage, "usage");
            requireNonNull(pageTokens, "pageTokens");
            readinessChecks = List.copyOf(readinessChecks);
            requireNonNull(http, "http");
            requireNonNull(clock, "clock");
            requireNonNull(providerTimeout, "providerTimeout");
            requireNonNull(secrets, "secrets");
            requireNonNull(sleeper, "sleeper");
            requireNonNull(events, "events");
            requireNonNull(connectSessions, "connectSessions");
            requireNonNull(metrics, "metrics");
        }
    }

    /** The storage of events: the outbox, the polling schedule and the record of data deletions. */
    public record EventPorts(EventOutbox outbox, EventPolls polls, DataDeletions dataDeletions) {
        public EventPorts {
            requireNonNull(outbox, "outbox");
            requireNonNull(polls, "polls");
            requireNonNull(dataDeletions, "dataDeletions");
        }
    }

    public ServiceWiring(Ports ports) {
        requireNonNull(ports, "ports");
        ElementRegistry registry = new ElementRegistry(ports.providers(), ports.overrides());
        ElementContext context = ElementContext.of(ports.http(), ports.clock(), ports.providerTimeout());
        CredentialVault vault = new CredentialVault(ports.cipher());
        PkceVerifiers verifiers = new PkceVerifiers(ports.pendingAuthorizations(), ports.cipher(), ports.clock(),
                ports.pendingAuthorizationLimit());
        this.catalog = new ElementCatalogService(registry, verifiers);
        this.authentication = new AuthenticationService(ports.tenants(), ports.instances(), ports.operatorSecret());
        this.health = new HealthService(ports.readinessChecks());
        this.bootstrap = new OrganizationBootstrap(ports.tenants(), ports.secrets());
        this.tenants = new TenantService(ports.tenants(), ports.secrets());
        this.credentialKeys = new CredentialKeyService(ports.credentialKeys(), ports.sealedSecrets(), vault,
                ports.sleeper(), CredentialKeyService.DEFAULT_BATCH_SIZE);
        InstanceDescriber describer = new InstanceDescriber(registry, vault, ports.tenants(),
                ports.elementTokenReadback());
        CodeExchange codes = new CodeExchange(context, verifiers, ports.metrics());
        this.renewals = new RenewalService(registry, ports.instances(), ports.leases(), vault, context,
                ports.sleeper(), ports.metrics());
        IdempotentRequests idempotent = new IdempotentRequests(ports.idempotency(), vault, ports.instances(),
                describer, ports.clock(), ports.sleeper(), ports.providerTimeout().multipliedBy(4));
        CallbackAddresses callbacks = new CallbackAddresses(ports.allowPrivateCallbacks());
        ConfigurationPolicy policy = new ConfigurationPolicy(callbacks);
        PollSchedule polls = new PollSchedule(ports.events().polls(), ports.clock());
        this.provisioning = new ProvisioningService(registry, ports.instances(), vault, describer, codes,
                idempotent, ports.secrets(), ports.clock(), policy, polls);
        this.instances = new InstanceService(registry, ports.instances(), describer, vault, codes, renewals,
                ports.secrets(), ports.clock(), policy, polls);
        this.hub = new HubService(registry, ports.instances(), authentication, vault, renewals,
                new UsageGovernor(ports.usage(), ports.clock(), ports.sleeper()),
                new PageTokens(ports.pageTokens()), new RetryPolicy(HubService.RETRY_PAUSES, ports.sleeper()),
                context, ports.metrics());
        this.receiveEvents = new ProviderEventsService(registry, ports.instances(), vault, ports.events().outbox(),
                ports.events().dataDeletions(), ports.clock());
        this.manageEvents = new InstanceEventsService(ports.instances(), ports.events().outbox(), ports.clock());
        this.deliveries = new EventDeliveryService(registry, ports.instances(), vault, renewals, ports.events().outbox(),
                ports.events().polls(), callbacks, context, ports.metrics());
        this.connect = new ConnectSessionService(ports.connectSessions(), registry, provisioning, catalog, instances,
                ports.tenants(), vault, ports.secrets(), ports.clock());
    }

    public DescribeElementsUseCase elements() {
        return catalog;
    }

    public GetAuthorizationUrlUseCase authorizationUrls() {
        return catalog;
    }

    public ProvisionInstanceUseCase provisioning() {
        return provisioning;
    }

    public ManageInstancesUseCase instances() {
        return instances;
    }

    public AuthenticateUseCase authentication() {
        return authentication;
    }

    public CheckHealthUseCase health() {
        return health;
    }

    public BootstrapOrganizationUseCase bootstrap() {
        return bootstrap;
    }

    public ManageTenantsUseCase tenants() {
        return tenants;
    }

    public ManageCredentialKeysUseCase credentialKeys() {
        return credentialKeys;
    }

    public CallHubUseCase hub() {
        return hub;
    }

    public ReceiveProviderEventsUseCase receiveEvents() {
        return receiveEvents;
    }

    public ManageEventsUseCase manageEvents() {
        return manageEvents;
    }

    public DeliverEventsUseCase deliverEvents() {
        return deliveries;
    }

    public ConnectSessionsUseCase connect() {
        return connect;
    }

    /**
     * The renewal service itself rather than its use case: the other services renew through it
     * inline, and tests drive single passes.
     */
    public RenewalService renewals() {
        return renewals;
    }
}
