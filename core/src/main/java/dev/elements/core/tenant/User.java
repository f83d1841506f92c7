package dev.elements.core.tenant;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A person or system acting for an organization with its own secret. */
public record User(
        UserId id,
        OrganizationId organizationId,
        String emailAddress,
        String firstName,
        String lastName,
        Role role,
        boolean active,
        SecretDigest secretDigest,
        Instant createdAt) {

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
}
