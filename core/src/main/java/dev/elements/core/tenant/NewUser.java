package dev.elements.core.tenant;

import static java.util.Objects.requireNonNull;

/** A user about to be stored; storage assigns the id and the creation time. */
public record NewUser(String emailAddress, String firstName, String lastName, Role role, SecretDigest secretDigest) {
    public NewUser {
        requireNonNull(emailAddress, "emailAddress");
        requireNonNull(role, "role");
        requireNonNull(secretDigest, "secretDigest");
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
    }
}
