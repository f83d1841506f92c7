package dev.elements.core.port.in;

import dev.elements.core.tenant.Role;

/** {@code POST /organizations/users}; the role is {@code org} unless the body says {@code org-admin}. */
public record AddUserCommand(String emailAddress, String firstName, String lastName, String role) {
    public AddUserCommand {
        new Validation()
                .require("emailAddress", emailAddress)
                .check(emailAddress == null || Validation.isEmailAddress(emailAddress),
                        "emailAddress must be an email address")
                .text("emailAddress", emailAddress, 254)
                .text("firstName", firstName, InputLimits.PERSON_OR_ORGANIZATION_NAME)
                .text("lastName", lastName, InputLimits.PERSON_OR_ORGANIZATION_NAME)
                .check(role == null || Role.fromKey(role).isPresent(), "role must be org-admin or org")
                .orThrow();
    }

    public Role roleOrDefault() {
        return role == null ? Role.ORG : Role.fromKey(role).orElseThrow();
    }
}
