package dev.elements.core.tenant;

import static java.util.Objects.requireNonNull;

/** Who is calling: an active user and the organization it acts for. */
public record Principal(Organization organization, User user) {
    public Principal {
        requireNonNull(organization, "organization");
        requireNonNull(user, "user");
        if (!user.organizationId().equals(organization.id())) {
            throw new IllegalArgumentException("A principal's user belongs to its organization");
        }
    }

    public OrganizationId organizationId() {
        return organization.id();
    }

    public boolean isAdministrator() {
        return user.role() == Role.ORG_ADMIN;
    }
}
