package dev.elements.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.elements.core.port.in.AddUserCommand;
import dev.elements.core.port.in.CreateOrganizationCommand;
import dev.elements.core.port.in.UpdateUserCommand;

/**
 * The bodies of the organization and user routes. Only types are checked here; what is required
 * and allowed is the commands' call. Unknown fields (Cloud Elements clients send a {@code password},
 * for one) are ignored.
 */
final class TenantRequests {
    private TenantRequests() {
    }

    /** {@code POST /organizations}: {@code {"name", "adminEmail"}}. */
    static CreateOrganizationCommand organization(ObjectNode body) {
        JsonFields fields = new JsonFields();
        String name = fields.string(body, "name", "name");
        String adminEmail = fields.string(body, "adminEmail", "adminEmail");
        fields.orThrow();
        return new CreateOrganizationCommand(name, adminEmail);
    }

    /**
     * {@code POST /organizations/users}: {@code {"emailAddress", "firstName", "lastName", "role"}};
     * Cloud Elements' own spelling {@code email} is taken when {@code emailAddress} is absent.
     */
    static AddUserCommand newUser(ObjectNode body) {
        JsonFields fields = new JsonFields();
        String emailAddress = fields.string(body, "emailAddress", "emailAddress");
        String email = fields.string(body, "email", "email");
        String firstName = fields.string(body, "firstName", "firstName");
        String lastName = fields.string(body, "lastName", "lastName");
        String role = fields.string(body, "role", "role");
        fields.orThrow();
        return new AddUserCommand(emailAddress != null ? emailAddress : email, firstName, lastName, role);
    }

    /** {@code PATCH /users/{id}}: only what is given changes. */
    static UpdateUserCommand userChanges(ObjectNode body) {
        JsonFields fields = new JsonFields();
        Boolean active = fields.bool(body, "active", "active");
        String firstName = fields.string(body, "firstName", "firstName");
        String lastName = fields.string(body, "lastName", "lastName");
        String role = fields.string(body, "role", "role");
        fields.orThrow();
        return new UpdateUserCommand(active, firstName, lastName, role);
    }
}
