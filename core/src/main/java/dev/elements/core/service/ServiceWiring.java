package dev.elements.core.service;

import dev.elements.core.element.ElementRegistry;
import dev.elements.core.port.in.ManageInstancesUseCase;
import dev.elements.core.port.in.ProvisionInstanceUseCase;
import dev.elements.core.port.out.CredentialCipher;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.tenant.SecretGenerator;

/**
 * Builds the instance services, which share package-private collaborators (the vault, the
 * describer) that are not part of the public API.
 */
public final class ServiceWiring {
    private final ProvisioningService provisioning;
    private final InstanceService instances;

    public ServiceWiring(ElementRegistry registry, InstanceRepository instanceRepository,
            TenantRepository tenantRepository, CredentialCipher cipher, ElementContext context,
            SecretGenerator secrets) {
        CredentialVault vault = new CredentialVault(cipher);
        InstanceDescriber describer = new InstanceDescriber(registry, vault, tenantRepository);
        this.provisioning = new ProvisioningService(registry, instanceRepository, vault, describer, context, secrets);
        this.instances = new InstanceService(instanceRepository, describer);
    }

    public ProvisionInstanceUseCase provisioning() {
        return provisioning;
    }

    public ManageInstancesUseCase instances() {
        return instances;
    }
}
