package dev.elements.core.tenant;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A person or system acting for an organization with its own secret.
 *
 * @param version how many times the stored user was changed; a change is stored only onto the
 *     version it was made from, so two writers cannot silently undo each other
 */
public record User(
        UserId id,
        OrganizationId organizationId,
        String emailAddress,
        String firstName,
        String lastName,
        Role role,
        boolean active,
        SecretDigest secretDigest,
        Instant createdAt,
        long version) {

    public User {
        requireNonNull(id, "id");
        requireNonNull(organizationId, "organizationId");
        requireNonNull(emailAddress, "emailAddress");
        requireNonNull(role, "role");
        requireNonNull(secretDigest, "secretDigest");
        requireNonNull(createdAt, "createdAt");
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
    }

    /** This user as stored by a successful update of the version it was read at. */
    public User nextVersion() {
        return new User(id, organizationId, emailAddress, firstName, lastName, role, active, secretDigest, createdAt,
                version + 1);
    }

    /** Whether this user is an active org-admin, one of those an organization must always keep. */
    public boolean activeAdministrator() {
        return active && role == Role.ORG_ADMIN;
    }
}
