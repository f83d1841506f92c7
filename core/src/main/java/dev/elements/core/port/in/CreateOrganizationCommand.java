package dev.elements.core.port.in;

/** {@code POST /organizations}: {@code {"name", "adminEmail"}}. */
public record CreateOrganizationCommand(String name, String adminEmail) {
    public CreateOrganizationCommand {
        new Validation()
                .require("name", name)
                .require("adminEmail", adminEmail)
                .check(adminEmail == null || Validation.isEmailAddress(adminEmail), "adminEmail must be an email address")
                .text("name", name, InputLimits.PERSON_OR_ORGANIZATION_NAME)
                .text("adminEmail", adminEmail, 254)
                .orThrow();
    }
}
