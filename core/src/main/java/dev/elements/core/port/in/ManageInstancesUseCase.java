package dev.elements.core.port.in;

import dev.elements.core.instance.InstanceId;
import dev.elements.core.tenant.Principal;

/** Reading and changing an organization's instances. */
public interface ManageInstancesUseCase {
    /** @throws dev.elements.core.error.PlatformException {@code INSTANCE_NOT_FOUND}, also for another organization's */
    InstanceDescription instance(Principal principal, InstanceId id);
}
