package dev.elements.core.fake.oauth2;

import java.util.Objects;

/**
 * A resource owner of the fake provider.
 *
 * @param id a string of digits, unique in the provider
 * @param name the display name given at creation
 */
public record FakeOAuth2User(String id, String name) {

    public FakeOAuth2User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
