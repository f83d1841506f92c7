package dev.elements.http;

import dev.elements.core.port.in.AddUserCommand;
import dev.elements.core.port.in.CreateOrganizationCommand;
import dev.elements.core.port.in.UpdateUserCommand;

/**
 * The bodies of the organization and user routes, bound by {@link BodyBinding}. Only types are
 * checked in binding; what is required and allowed is the commands' call. Unknown fields (Cloud
 * Elements clients send a {@code password}, for one) are ignored.
 */
final class TenantRequests {
    private TenantRequests() {
    }

    /** {@code POST /organizations}. */
    record NewOrganization(String name, String adminEmail) {
        CreateOrganizationCommand command() {
            return new CreateOrganizationCommand(name, adminEmail);
        }
    }

    /**
     * {@code POST /organizations/users}; Cloud Elements' own spelling {@code email} is taken when
     * {@code emailAddress} is absent.
     */
    record NewUser(String emailAddress, String email, String firstName, String lastName, String role) {
        AddUserCommand command() {
            return new AddUserCommand(emailAddress != null ? emailAddress : email, firstName, lastName, role);
        }
    }

    /** {@code PATCH /users/{id}}: only what is given changes. */
    record UserChanges(Boolean active, String firstName, String lastName, String role) {
        UpdateUserCommand command() {
            return new UpdateUserCommand(active, firstName, lastName, role);
        }
    }
}
