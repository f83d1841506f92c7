package dev.elements.core.tenant;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A customer of the platform: it owns users and instances and has its own secret. */
public record Organization(OrganizationId id, String name, SecretDigest secretDigest, Instant createdAt) {
    public Organization {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(secretDigest, "secretDigest");
        requireNonNull(createdAt, "createdAt");
    }
}
