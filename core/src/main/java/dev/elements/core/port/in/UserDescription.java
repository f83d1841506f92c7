package dev.elements.core.port.in;

import static java.util.Objects.requireNonNull;

import dev.elements.core.tenant.User;
import java.util.Optional;

/** A user, with its secret in full only in the answer that created or renewed it. */
public record UserDescription(User user, String secret) {
    public UserDescription {
        requireNonNull(user, "user");
    }

    public Optional<String> secretShownOnce() {
        return Optional.ofNullable(secret);
    }

    @Override
    public String toString() {
        return "UserDescription[" + user.id() + "]";
    }
}
