package dev.elements.core.service;

import dev.elements.core.port.in.AddUserCommand;
import dev.elements.core.port.in.CreateOrganizationCommand;
import dev.elements.core.port.in.ManageTenantsUseCase;
import dev.elements.core.port.in.OrganizationDescription;
import dev.elements.core.port.in.UpdateUserCommand;
import dev.elements.core.port.in.UserDescription;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.User;
import dev.elements.core.tenant.UserId;
import java.util.List;

/** Organizations and users. (Placeholder; the implementation follows in the same series.) */
public final class TenantService implements ManageTenantsUseCase {
    @Override
    public OrganizationDescription createOrganization(CreateOrganizationCommand command) {
        throw new UnsupportedOperationException("arrives next");
    }

    @Override
    public UserDescription addUser(Principal principal, AddUserCommand command) {
        throw new UnsupportedOperationException("arrives next");
    }

    @Override
    public List<User> users(Principal principal) {
        throw new UnsupportedOperationException("arrives next");
    }

    @Override
    public User user(Principal principal, UserId id) {
        throw new UnsupportedOperationException("arrives next");
    }

    @Override
    public User updateUser(Principal principal, UserId id, UpdateUserCommand command) {
        throw new UnsupportedOperationException("arrives next");
    }

    @Override
    public UserDescription regenerateSecret(Principal principal, UserId id) {
        throw new UnsupportedOperationException("arrives next");
    }
}
