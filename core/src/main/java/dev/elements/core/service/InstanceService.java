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

    /** Another organization's instance is reported exactly like a missing one. */
    private Instance owned(Principal principal, InstanceId id) {
        return instances.find(principal.organizationId(), id)
                .orElseThrow(() -> new PlatformException(ErrorCode.INSTANCE_NOT_FOUND, "No instance with id " + id));
    }
}
