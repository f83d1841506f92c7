package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ManageInstancesUseCase;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.tenant.Principal;

/** An organization's view of, and changes to, its instances. */
public final class InstanceService implements ManageInstancesUseCase {
    private final InstanceRepository instances;
    private final InstanceDescriber describer;

    InstanceService(InstanceRepository instances, InstanceDescriber describer) {
        this.instances = requireNonNull(instances, "instances");
        this.describer = requireNonNull(describer, "describer");
    }

    @Override
    public InstanceDescription instance(Principal principal, InstanceId id) {
        return describer.describe(owned(principal, id), null);
    }

    // Placeholders until the lifecycle services land (same commit series).
    @Override
    public dev.elements.core.port.in.InstancePage instances(Principal principal,
            dev.elements.core.port.in.ListInstancesQuery query) {
        throw new UnsupportedOperationException("lifecycle services arrive next");
    }

    @Override
    public InstanceDescription update(Principal principal, InstanceId id,
            dev.elements.core.port.in.UpdateInstanceCommand command) {
        throw new UnsupportedOperationException("lifecycle services arrive next");
    }

    @Override
    public void delete(Principal principal, InstanceId id) {
        throw new UnsupportedOperationException("lifecycle services arrive next");
    }

    @Override
    public java.util.List<dev.elements.core.port.in.ConfigurationValue> configuration(Principal principal,
            InstanceId id) {
        throw new UnsupportedOperationException("lifecycle services arrive next");
    }

    @Override
    public dev.elements.core.port.in.ConfigurationValue configurationValue(Principal principal, InstanceId id,
            long configurationId) {
        throw new UnsupportedOperationException("lifecycle services arrive next");
    }

    @Override
    public dev.elements.core.port.in.ConfigurationValue updateConfigurationValue(Principal principal, InstanceId id,
            long configurationId, String value) {
        throw new UnsupportedOperationException("lifecycle services arrive next");
    }

    @Override
    public InstanceDescription setEnabled(Principal principal, InstanceId id, boolean enabled) {
        throw new UnsupportedOperationException("lifecycle services arrive next");
    }

    @Override
    public InstanceDescription regenerateToken(Principal principal, InstanceId id) {
        throw new UnsupportedOperationException("lifecycle services arrive next");
    }

    @Override
    public InstanceDescription refresh(Principal principal, InstanceId id) {
        throw new UnsupportedOperationException("lifecycle services arrive next");
    }

    @Override
    public InstanceId instanceOfToken(Principal principal, String elementToken) {
        throw new UnsupportedOperationException("lifecycle services arrive next");
    }

    /** Another organization's instance is reported exactly like a missing one. */
    private Instance owned(Principal principal, InstanceId id) {
        return instances.find(principal.organizationId(), id)
                .orElseThrow(() -> new PlatformException(ErrorCode.INSTANCE_NOT_FOUND, "No instance with id " + id));
    }
}
