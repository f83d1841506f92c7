package dev.elements.core.service;

import dev.elements.core.port.in.AuthenticateUseCase;
import dev.elements.core.port.in.CallHubUseCase;
import dev.elements.core.port.in.ManageInstancesUseCase;
import dev.elements.core.port.in.ProvisionInstanceUseCase;
import dev.elements.core.port.out.CredentialCipher;
import dev.elements.core.port.out.IdempotencyRecords;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.port.out.PageTokenSealer;
import dev.elements.core.port.out.ProviderUsageLedger;
import dev.elements.core.port.out.RefreshLeases;
import dev.elements.core.port.out.Sleeper;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.tenant.SecretGenerator;

/**
 * Builds the instance services, which share package-private collaborators (the vault, the
 * describer, the code exchange) that are not part of the public API.
 */
public final class ServiceWiring {
    private final ProvisioningService provisioning;
    private final InstanceService instances;
    private final RenewalService renewals;
    private final HubService hub;

    /** The ports the instance services need. */
    public record Ports(ElementRegistry registry, InstanceRepository instances, TenantRepository tenants,
            CredentialCipher cipher, RefreshLeases leases, IdempotencyRecords idempotency,
            ProviderUsageLedger usage, PageTokenSealer pageTokens, AuthenticateUseCase authentication,
            ElementContext context, Sleeper sleeper, SecretGenerator secrets) {
    }

    public ServiceWiring(Ports ports) {
        CredentialVault vault = new CredentialVault(ports.cipher());
        InstanceDescriber describer = new InstanceDescriber(ports.registry(), vault, ports.tenants());
        CodeExchange codes = new CodeExchange(ports.context());
        this.renewals = new RenewalService(ports.registry(), ports.instances(), ports.leases(), vault, ports.context());
        IdempotentRequests idempotent = new IdempotentRequests(ports.idempotency(), vault, ports.instances(),
                describer, ports.context().clock(), ports.context().providerTimeout().multipliedBy(4));
        this.provisioning = new ProvisioningService(ports.registry(), ports.instances(), vault, describer, codes,
                idempotent, ports.secrets(), ports.context().clock());
        this.instances = new InstanceService(ports.registry(), ports.instances(), describer, vault, codes, renewals,
                ports.secrets(), ports.context().clock());
        this.hub = new HubService(ports.registry(), ports.instances(), ports.authentication(), vault, renewals,
                new UsageGovernor(ports.usage(), ports.context().clock(), ports.sleeper()),
                new PageTokens(ports.pageTokens()), new RetryPolicy(HubService.RETRY_PAUSES, ports.sleeper()),
                ports.context());
    }

    public CallHubUseCase hub() {
        return hub;
    }

    public ProvisionInstanceUseCase provisioning() {
        return provisioning;
    }

    public ManageInstancesUseCase instances() {
        return instances;
    }

    public RenewalService renewals() {
        return renewals;
    }
}
