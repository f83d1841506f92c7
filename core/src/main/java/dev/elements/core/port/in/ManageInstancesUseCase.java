package dev.elements.core.port.in;

import dev.elements.core.instance.InstanceId;
import dev.elements.core.tenant.Principal;
import java.util.List;

/**
 * Reading and changing an organization's instances. Every method answers {@code INSTANCE_NOT_FOUND}
 * for an instance of another organization, exactly as for one that does not exist.
 */
public interface ManageInstancesUseCase {
    InstanceDescription instance(Principal principal, InstanceId id);

    /** A page of the organization's instances, oldest first. */
    InstancePage instances(Principal principal, ListInstancesQuery query);

    /**
     * {@code PUT} (replace) or {@code PATCH} (merge). With a code it re-authorizes: the provider is
     * asked first, and if it refuses or fails nothing changes, old credentials included.
     */
    InstanceDescription update(Principal principal, InstanceId id, UpdateInstanceCommand command);

    /** After this the element token no longer authenticates anything. */
    void delete(Principal principal, InstanceId id);

    List<ConfigurationValue> configuration(Principal principal, InstanceId id);

    /** @throws dev.elements.core.error.PlatformException {@code RESOURCE_NOT_FOUND} for an unknown entry */
    ConfigurationValue configurationValue(Principal principal, InstanceId id, long configurationId);

    /** Changes one entry; it applies at once (the next renewal time follows a new refresh interval). */
    ConfigurationValue updateConfigurationValue(Principal principal, InstanceId id, long configurationId,
            String value);

    InstanceDescription setEnabled(Principal principal, InstanceId id, boolean enabled);

    /** A new element token, shown in this answer only; the old one stops working at once. */
    InstanceDescription regenerateToken(Principal principal, InstanceId id);

    /** Renews the provider credentials now (once, however many ask at the same moment). */
    InstanceDescription refresh(Principal principal, InstanceId id);

    /**
     * The instance an element token names, for the routes that take the instance from the token.
     *
     * @throws dev.elements.core.error.PlatformException {@code INVALID_CREDENTIALS} for an unknown
     *     token, {@code INSTANCE_NOT_FOUND} for another organization's instance
     */
    InstanceId instanceOfToken(Principal principal, String elementToken);
}
