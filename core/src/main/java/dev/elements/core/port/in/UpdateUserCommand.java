package dev.elements.core.port.in;

import dev.elements.core.tenant.Role;

/** {@code PATCH /users/{id}}: only what is given changes ({@code {"active": false}} deactivates). */
public record UpdateUserCommand(Boolean active, String firstName, String lastName, String role) {
    public UpdateUserCommand {
        new Validation()
                .check(role == null || Role.fromKey(role).isPresent(), "role must be org-admin or org")
                .orThrow();
    }
}
