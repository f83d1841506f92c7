package dev.elements.http;

import static java.util.Objects.requireNonNull;

import dev.elements.core.port.in.AuthenticateUseCase;
import dev.elements.core.port.in.CallHubUseCase;
import dev.elements.core.port.in.CheckHealthUseCase;
import dev.elements.core.port.in.DescribeElementsUseCase;
import dev.elements.core.port.in.GetAuthorizationUrlUseCase;
import dev.elements.core.port.in.ManageCredentialKeysUseCase;
import dev.elements.core.port.in.ManageEventsUseCase;
import dev.elements.core.port.in.ManageInstancesUseCase;
import dev.elements.core.port.in.ManageTenantsUseCase;
import dev.elements.core.port.in.ProvisionInstanceUseCase;
import dev.elements.core.port.in.ReceiveProviderEventsUseCase;

/** The use cases the HTTP API serves, one per group of routes. */
public record ApiUseCases(
        DescribeElementsUseCase elements,
        GetAuthorizationUrlUseCase authorizationUrls,
        ProvisionInstanceUseCase provisioning,
        ManageInstancesUseCase instances,
        ManageTenantsUseCase tenants,
        ManageCredentialKeysUseCase credentialKeys,
        AuthenticateUseCase authentication,
        CheckHealthUseCase health,
        CallHubUseCase hub,
        ReceiveProviderEventsUseCase receiveEvents,
        ManageEventsUseCase events) {

    public ApiUseCases {
        requireNonNull(elements, "elements");
        requireNonNull(authorizationUrls, "authorizationUrls");
        requireNonNull(provisioning, "provisioning");
        requireNonNull(instances, "instances");
        requireNonNull(tenants, "tenants");
        requireNonNull(credentialKeys, "credentialKeys");
        requireNonNull(authentication, "authentication");
        requireNonNull(health, "health");
        requireNonNull(hub, "hub");
        requireNonNull(receiveEvents, "receiveEvents");
        requireNonNull(events, "events");
    }
}
