package dev.elements.twitter.fake;

import java.util.Objects;

/**
 * A user of the fake X.
 *
 * @param id a string of digits
 * @param name the display name, e.g. {@code Ada Lovelace}
 * @param username the handle without {@code @}, e.g. {@code AdaLovelace}
 */
public record FakeXUser(String id, String name, String username) {

    public FakeXUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(username, "username");
    }
}
