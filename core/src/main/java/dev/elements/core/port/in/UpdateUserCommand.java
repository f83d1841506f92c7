package dev.elements.core.port.in;

import dev.elements.core.tenant.Role;

/** {@code PATCH /users/{id}}: only what is given changes ({@code {"active": false}} deactivates). */
public record UpdateUserCommand(Boolean active, String firstName, String lastName, String role) {
    public UpdateUserCommand {
        new Validation()
                .text("firstName", firstName, InputLimits.PERSON_OR_ORGANIZATION_NAME)
                .text("lastName", lastName, InputLimits.PERSON_OR_ORGANIZATION_NAME)
                .check(role == null || Role.fromKey(role).isPresent(), "role must be org-admin or org")
                .orThrow();
    }
}
