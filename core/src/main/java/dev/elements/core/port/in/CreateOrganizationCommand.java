package dev.elements.core.port.in;

/** {@code POST /organizations}: {@code {"name", "adminEmail"}}. */
public record CreateOrganizationCommand(String name, String adminEmail) {
    public CreateOrganizationCommand {
        new Validation()
                .require("name", name)
                .require("adminEmail", adminEmail)
                .check(adminEmail == null || Validation.isEmailAddress(adminEmail), "adminEmail must be an email address")
                .check(name == null || name.length() <= 255, "name is longer than 255 characters")
                .orThrow();
    }
}
