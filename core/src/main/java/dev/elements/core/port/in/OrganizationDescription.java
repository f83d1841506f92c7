package dev.elements.core.port.in;

import static java.util.Objects.requireNonNull;

import dev.elements.core.tenant.Organization;

/** A new organization with its secret and its first administrator, both secrets shown this once. */
public record OrganizationDescription(Organization organization, String secret, UserDescription administrator) {
    public OrganizationDescription {
        requireNonNull(organization, "organization");
        requireNonNull(secret, "secret");
        requireNonNull(administrator, "administrator");
    }

    @Override
    public String toString() {
        return "OrganizationDescription[" + organization.id() + "]";
    }
}
