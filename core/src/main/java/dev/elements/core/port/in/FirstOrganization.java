package dev.elements.core.port.in;

import static java.util.Objects.requireNonNull;

import dev.elements.core.tenant.Principal;

/**
 * The organization and administrator a fresh installation starts with.
 *
 * @param generated whether some secret was made up by the platform and must be shown to the operator once
 */
public record FirstOrganization(Principal principal, String organizationSecret, String userSecret,
        boolean generated) {
    public FirstOrganization {
        requireNonNull(principal, "principal");
        requireNonNull(organizationSecret, "organizationSecret");
        requireNonNull(userSecret, "userSecret");
    }

    @Override
    public String toString() {
        return "FirstOrganization[" + principal.organizationId() + "]";
    }
}
